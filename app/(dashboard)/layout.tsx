import Link from 'next/link';
import type { ReactNode } from 'react';
import { DashboardNav } from '@/components/dashboard/dashboard-nav';
import { IntlProvider } from '@/components/dashboard/intl-provider';
import { LanguageSwitch } from '@/components/dashboard/language-switch';
import { MobileMenu } from '@/components/dashboard/mobile-menu';
import { Toaster } from '@/components/ui/toaster';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { signOutMerchant } from '@/lib/dashboard/actions/auth';
import { dashboardMessages } from '@/lib/i18n/messages';
import { directionOf, requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';

function Brand() {
  return (
    <Link href="/dashboard" className="flex items-center gap-2 rounded-lg font-bold text-ink-950">
      <span aria-hidden="true" className="grid size-8 place-items-center rounded-xl bg-brand-700 text-sm text-white">K</span>
      KPay
    </Link>
  );
}

/** Every dashboard page sits in this frame; it also refuses anyone without a live session (each page checks again). */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  const [merchant, locale] = await Promise.all([currentMerchant(), requestLocale()]);
  const t = translator(locale, 'nav');
  const signOutButton = (
    <form action={signOutMerchant}>
      <button type="submit" className="inline-flex min-h-9 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-ink-700 hover:bg-red-50 hover:text-red-700">
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4 rtl:-scale-x-100" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round">
          <path d="M8 4H5v12h3M12 7l3 3-3 3M15 10H8" />
        </svg>
        {t('signOut')}
      </button>
    </form>
  );
  const account = (
    <div className="rounded-xl bg-ink-50 px-3 py-2.5 text-sm">
      <p className="truncate font-semibold text-ink-900">{merchant.name}</p>
      <p className="mt-0.5 text-xs text-ink-500">
        {t('merchantId')}: <code className="select-all">{merchant.merchantId}</code>
      </p>
    </div>
  );

  return (
    <IntlProvider locale={locale} messages={dashboardMessages(locale)}>
      <a href="#main" className="sr-only focus:not-sr-only focus:fixed focus:start-2 focus:top-2 focus:z-50 focus:rounded-lg focus:bg-white focus:px-3 focus:py-2">
        {t('skipToContent')}
      </a>
      <div className="min-h-dvh lg:grid lg:grid-cols-[16rem_minmax(0,1fr)]">
        <aside className="sticky top-0 hidden h-dvh flex-col gap-6 border-e border-ink-200 bg-white p-4 lg:flex">
          <Brand />
          <div className="flex-1 overflow-y-auto">
            <DashboardNav locale={locale} />
          </div>
          {account}
        </aside>
        <div className="min-w-0">
          <header className="sticky top-0 z-30 flex h-14 items-center gap-2 border-b border-ink-200 bg-white/90 px-3 backdrop-blur sm:px-5">
            <MobileMenu label={t('menu')}>
              <DashboardNav locale={locale} />
              <div className="mt-4">{account}</div>
            </MobileMenu>
            <div className="lg:hidden">
              <Brand />
            </div>
            <div className="flex-1" />
            <LanguageSwitch locale={locale} />
            {signOutButton}
          </header>
          <main id="main" className="mx-auto w-full max-w-6xl px-4 py-5 sm:px-6 sm:py-7">
            {children}
          </main>
        </div>
      </div>
      <Toaster dir={directionOf(locale)} />
    </IntlProvider>
  );
}
