'use client';

import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import type { Locale } from '@/lib/format/number';
import type { dashboardMessages } from '@/lib/i18n/messages';
import { DISPLAY_TIME_ZONE } from '@/lib/format/date';

/** Gives the dashboard's client components their strings (useTranslations); the server picks locale and messages. */
export function IntlProvider({ locale, messages, children }: { locale: Locale; messages: ReturnType<typeof dashboardMessages>; children: ReactNode }) {
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone={DISPLAY_TIME_ZONE}>
      {children}
    </NextIntlClientProvider>
  );
}
