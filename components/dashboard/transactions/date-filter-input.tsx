'use client';

import { useLocale } from 'next-intl';
import { useState } from 'react';
import { describedBy, Field, TextInput } from '@/components/ui/field';
import { formatDate } from '@/lib/format/date';
import type { Locale } from '@/lib/format/number';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day picker for the filters. The browser's date input speaks Gregorian, so the picked day is repeated under it in
 * the page's calendar (Jalali in Persian) as it changes; the URL keeps the ISO day the API reads.
 */
export function DateFilterInput({ id, name, label, defaultValue, anyDay }: { id: string; name: string; label: string; defaultValue?: string; anyDay: string }) {
  const locale = useLocale() as Locale;
  const [value, setValue] = useState(defaultValue && ISO_DAY.test(defaultValue) ? defaultValue : '');
  // Noon UTC is the same calendar day in Iran.
  const hint = value ? formatDate(`${value}T12:00:00Z`, locale) : anyDay;
  return (
    <Field id={id} label={label} hint={<span suppressHydrationWarning>{hint}</span>}>
      <TextInput type="date" name={name} dir="ltr" value={value} onChange={(event) => setValue(event.target.value)} {...describedBy(id, undefined, hint)} />
    </Field>
  );
}
