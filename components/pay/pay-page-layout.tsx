import type { ReactNode } from 'react';
import type { Locale } from '@/lib/format/number';
import { directionOf } from '@/lib/i18n/request-locale';

/**
 * A hosted payment page (card-to-card or crypto): one phone-wide column in the page's language and direction, the
 * header (who is paid), the payment itself as the page's main content, and the footer.
 */
export function PayPageLayout({ locale, header, footer, children }: { locale: Locale; header: ReactNode; footer: ReactNode; children: ReactNode }) {
  return (
    <div lang={locale} dir={directionOf(locale)} className="mx-auto flex min-h-dvh w-full max-w-md flex-col px-4 pt-4 pb-6">
      {header}
      <main className="mt-4 flex-1">{children}</main>
      {footer}
    </div>
  );
}
