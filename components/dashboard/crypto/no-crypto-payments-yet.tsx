import Link from 'next/link';
import { emptyIcon } from '@/components/dashboard/list-with-form';
import { buttonClass } from '@/components/ui/button';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

/** The API reference's crypto section: the tag "Crypto gateway", as Scalar names its anchor. */
export const CRYPTO_DOCS_HREF = '/docs#tag/crypto-gateway';

/**
 * A merchant with no crypto payment yet: what one is, and how a shop's server creates it (the dashboard does not),
 * with the request to send and the way to the docs. With no shop yet, making one comes first.
 */
export function NoCryptoPaymentsYet({ locale, hasShop }: { locale: Locale; hasShop: boolean }) {
  const t = translator(locale, 'crypto');
  const request = [
    'POST /api/gateway/payments',
    'X-API-Key: kpay_sk_…',
    'Content-Type: application/json',
    '',
    '{"order_id": "INV-2001",',
    ' "currency": "usdt_trc20",',
    ' "amount_usd": "25"}',
  ].join('\n');
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center gap-3 py-4 text-center">
      <div aria-hidden="true" className="grid size-12 place-items-center rounded-2xl bg-brand-50 text-brand-700">
        {emptyIcon('M12 3v18M8 7h6a3 3 0 010 6H8h7a3 3 0 010 6H8')}
      </div>
      <h2 className="font-semibold text-ink-900">{t('empty.noneTitle')}</h2>
      <p className="text-sm leading-6 text-ink-600">{t('empty.noneBody')}</p>
      {/* Wrapped, never scrolled sideways: a scrolling box would need to take keyboard focus. */}
      <pre dir="ltr" className="w-full rounded-xl bg-ink-950 p-3 text-start text-xs leading-relaxed break-all whitespace-pre-wrap text-ink-100">
        {request}
      </pre>
      <p className="text-sm text-ink-600">{t('empty.noneDocs')}</p>
      <div className="flex flex-wrap justify-center gap-2">
        {/* A plain link: /docs is not a page of this app's router. */}
        <a href={CRYPTO_DOCS_HREF} className={buttonClass(hasShop ? 'primary' : 'secondary')}>
          {t('empty.docsAction')}
        </a>
        {hasShop ? null : (
          <Link href="/dashboard/shops" className={buttonClass('primary')}>
            {t('empty.noShopAction')}
          </Link>
        )}
      </div>
    </div>
  );
}
