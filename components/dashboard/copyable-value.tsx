import type { ReactNode } from 'react';
import { CopyButton } from '@/components/ui/copy-button';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

/** A value on a detail page (an address, a hash, a link) with a button that copies `value`, wrapping under it when narrow. */
export function CopyableValue({ value, locale, children }: { value: string; locale: Locale; children: ReactNode }) {
  const tc = translator(locale, 'common');
  return (
    <span className="flex flex-wrap items-center gap-1">
      {children}
      <CopyButton value={value} text={{ label: tc('copy'), copied: tc('copied'), failed: tc('copyFailed') }} className="text-brand-800 hover:bg-brand-50" />
    </span>
  );
}
