import type { z } from 'zod';
import { CopyButton } from '@/components/ui/copy-button';
import type { Locale } from '@/lib/format/number';
import { localizeDigits } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { paymentClaimResponse } from '@/lib/transactions/schemas';
import { Timestamp } from './timestamp';

/**
 * The buyer's "I have paid" reports, newest first. While the merchant can still confirm, they are highlighted with what
 * to look for in the bank statement: that check is what a confirmation rests on.
 */
export function PaymentClaims({ claims, awaitingCheck, locale }: { claims: z.infer<typeof paymentClaimResponse>[]; awaitingCheck: boolean; locale: Locale }) {
  const t = translator(locale, 'transactions');
  const tc = translator(locale, 'common');
  const highlighted = awaitingCheck && claims.length > 0;
  return (
    <section
      aria-labelledby="payment-claims-heading"
      className={`rounded-2xl border p-4 shadow-xs sm:p-5 ${highlighted ? 'border-amber-300 bg-amber-50' : 'border-ink-200 bg-white'}`}
    >
      <h2 id="payment-claims-heading" className="text-base font-semibold text-ink-900">
        {t('claims.title')}
      </h2>
      {claims.length === 0 ? <p className="mt-2 text-sm text-ink-600">{t('claims.none')}</p> : null}
      {highlighted ? <p className="mt-2 text-sm leading-6 text-amber-900">{t('claims.checkHint')}</p> : null}
      <ul className="mt-3 space-y-3">
        {claims.map((claim) => (
          <li key={claim.id} className={`rounded-xl p-3.5 ${highlighted ? 'bg-white ring-1 ring-amber-200' : 'bg-ink-50'}`}>
            <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-xs text-ink-500">{t('claims.reference')}</dt>
                <dd className="mt-0.5 flex flex-wrap items-center gap-1">
                  <span dir="ltr" className="font-mono text-base font-semibold tracking-wide text-ink-950">
                    {localizeDigits(claim.reference, locale)}
                  </span>
                  <CopyButton value={claim.reference} text={{ label: tc('copy'), copied: tc('copied'), failed: tc('copyFailed') }} className="text-brand-800 hover:bg-brand-50" />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-ink-500">{t('claims.cardLast4')}</dt>
                <dd className="mt-0.5">
                  <span dir="ltr" className="font-mono text-base font-semibold text-ink-950">
                    •••• {localizeDigits(claim.card_last4, locale)}
                  </span>
                </dd>
              </div>
              {claim.paid_at ? (
                <div>
                  <dt className="text-xs text-ink-500">{t('claims.paidAt')}</dt>
                  <dd className="mt-0.5 text-ink-800">
                    <Timestamp value={claim.paid_at} locale={locale} />
                  </dd>
                </div>
              ) : null}
              <div>
                <dt className="text-xs text-ink-500">{t('claims.reportedAt')}</dt>
                <dd className="mt-0.5 text-ink-800">
                  <Timestamp value={claim.created_at} locale={locale} />
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
