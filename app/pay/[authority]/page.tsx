import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AmountPanel } from '@/components/pay/amount-panel';
import { CardTile } from '@/components/pay/card-tile';
import { minutesLeftText } from '@/components/pay/countdown-ring';
import { PayHeader } from '@/components/pay/pay-header';
import { PayPageLayout } from '@/components/pay/pay-page-layout';
import { PaymentLive } from '@/components/pay/payment-live';
import { PaySteps } from '@/components/pay/pay-steps';
import { formatRials } from '@/lib/format/money';
import { callbackRedirectUrl } from '@/lib/transactions/callback-url';
import { getPaymentPage } from '@/lib/transactions/get-payment-info';
import type { PaymentInfo } from '@/lib/transactions/schemas';
import { isPaid } from '@/lib/transactions/status';
import { localeFromQuery, payTranslator } from './pay-translator';

// Status and countdown are read per request; nothing here may be cached.
export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ authority: string }>;
  searchParams: Promise<{ lang?: string | string[] }>;
}

// One database read per request, shared by generateMetadata and the page.
const loadPaymentPage = cache(getPaymentPage);

/** The fee inside final_amount: only when the buyer pays it. */
const feeIncluded = (info: PaymentInfo): number => (info.fee_side === 'customer' ? info.fee : 0);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ authority }, { lang }] = await Promise.all([params, searchParams]);
  const t = payTranslator(localeFromQuery(lang));
  const page = await loadPaymentPage(authority);
  return {
    title: page ? t('meta.title', { shop: page.info.shop_name }) : t('meta.notFoundTitle'),
    robots: { index: false, follow: false },
  };
}

export default async function PayPage({ params, searchParams }: Props) {
  const [{ authority }, { lang }] = await Promise.all([params, searchParams]);
  const page = await loadPaymentPage(authority);
  if (!page) notFound();

  const locale = localeFromQuery(lang);
  const t = payTranslator(locale);
  const { info } = page;
  const copyText = (label: string) => ({ label, copied: t('copy.done'), failed: t('copy.failed') });

  return (
    <PayPageLayout
      locale={locale}
      header={
        <PayHeader
          authority={info.authority}
          locale={locale}
          shopName={info.shop_name}
          description={info.description}
          factorNumber={info.factor_number}
          text={{ tagline: t('header.tagline'), languages: t('header.languages'), payTo: t('header.payTo'), factorNumber: t('header.factorNumber') }}
        />
      }
      footer={<footer className="mt-8 text-center text-xs text-ink-500">{t('footer')}</footer>}
    >
      <PaymentLive
        authority={info.authority}
        locale={locale}
        initialStatus={info.status}
        initialIsPaid={isPaid(info.status)}
        initialRemainingSeconds={info.remaining_seconds}
        totalSeconds={page.totalSeconds}
        okUrl={callbackRedirectUrl(page.callbackUrl, info.authority, true)}
        nokUrl={callbackRedirectUrl(page.callbackUrl, info.authority, false)}
        text={{
          waiting: {
            title: t('waiting.title'),
            body: t('waiting.body'),
            timeLeft: t('waiting.timeLeft'),
            threeMinutesLeft: t('waiting.threeMinutesLeft'),
            oneMinuteLeft: t('waiting.oneMinuteLeft'),
            minutesLeft: minutesLeftText((minutes) => t('waiting.minutesLeft', { minutes })),
          },
          claim: {
            title: t('claim.title'),
            intro: t('claim.intro'),
            reference: t('claim.reference'),
            referenceHint: t('claim.referenceHint'),
            cardLast4: t('claim.cardLast4'),
            cardLast4Hint: t('claim.cardLast4Hint'),
            paidAt: t('claim.paidAt'),
            optional: t('claim.optional'),
            submit: t('claim.submit'),
            submitting: t('claim.submitting'),
            successTitle: t('claim.successTitle'),
            success: t('claim.success'),
            errors: {
              referenceRequired: t('claim.errors.referenceRequired'),
              reference: t('claim.errors.reference'),
              cardLast4: t('claim.errors.cardLast4'),
              paidAt: t('claim.errors.paidAt'),
              notPending: t('claim.errors.notPending'),
              rateLimited: t('claim.errors.rateLimited'),
              network: t('claim.errors.network'),
              generic: t('claim.errors.generic'),
            },
          },
          cancel: t('cancel'),
          paid: {
            title: t('paid.title'),
            body: t('paid.body', { amount: formatRials(info.final_amount, locale), shop: info.shop_name }),
            redirecting: t('paid.redirecting'),
            goNow: t('paid.goNow'),
          },
          closed: {
            expired: { title: t('closed.expired.title'), body: t('closed.expired.body') },
            cancelled: { title: t('closed.cancelled.title'), body: t('closed.cancelled.body') },
            failed: { title: t('closed.failed.title'), body: t('closed.failed.body') },
            backToShop: t('closed.backToShop'),
          },
        }}
        amount={
          <AmountPanel
            amount={info.amount}
            finalAmount={info.final_amount}
            feeIncluded={feeIncluded(info)}
            locale={locale}
            text={{
              label: t('amount.label'),
              rial: t('amount.rial'),
              toman: t('amount.toman'),
              orderAmount: t('amount.orderAmount'),
              fee: t('amount.fee'),
              offset: t('amount.offset'),
              exactTitle: t('amount.exactTitle'),
              exactBody: t('amount.exactBody'),
              copy: copyText(t('amount.copy')),
            }}
          />
        }
      >
        <CardTile
          cardNumber={info.card_number}
          ownerName={info.owner_name}
          bankName={locale === 'en' && info.bank_name_en ? info.bank_name_en : info.bank_name}
          bankColor={page.bankColor}
          locale={locale}
          text={{
            label: t('card.label'),
            number: t('card.number'),
            owner: t('card.owner'),
            copy: copyText(t('card.copy')),
          }}
        />
        <PaySteps
          title={t('steps.title')}
          steps={[t('steps.openApp'), t('steps.cardToCard'), t('steps.paste'), t('steps.comeBack')]}
          locale={locale}
        />
      </PaymentLive>
    </PayPageLayout>
  );
}
