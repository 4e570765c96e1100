import Link from 'next/link';
import type { ReactNode } from 'react';
import { IntlProvider } from '@/components/dashboard/intl-provider';
import { LanguageSwitch } from '@/components/dashboard/language-switch';
import { dashboardMessages } from '@/lib/i18n/messages';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';

/** Sign-in and registration: one centred card, phone-first, with the language switch. */
export default async function AuthLayout({ children }: { children: ReactNode }) {
  const locale = await requestLocale();
  const t = translator(locale, 'auth');
  return (
    <IntlProvider locale={locale} messages={dashboardMessages(locale)}>
      <div className="flex min-h-dvh flex-col bg-gradient-to-b from-brand-50 to-ink-50 px-4 py-5">
        <header className="mx-auto flex w-full max-w-md items-center justify-between">
          <Link href="/" className="flex items-center gap-2 rounded-lg font-bold text-ink-950">
            <span aria-hidden="true" className="grid size-8 place-items-center rounded-xl bg-brand-700 text-sm text-white">K</span>
            KPay
          </Link>
          <LanguageSwitch locale={locale} />
        </header>
        <main className="mx-auto mt-8 w-full max-w-md flex-1 sm:mt-16">{children}</main>
        <footer className="mx-auto mt-8 max-w-md text-center text-xs text-ink-500">{t('tagline')}</footer>
      </div>
    </IntlProvider>
  );
}
