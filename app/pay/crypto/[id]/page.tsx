import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { minutesLeftText } from '@/components/pay/countdown-ring';
import { AmountDuePanel } from '@/components/pay/crypto/amount-due-panel';
import { CryptoCountdown, CryptoPaymentLive } from '@/components/pay/crypto/crypto-payment-live';
import {
  asksForPayment,
  type CryptoPaymentNote,
  cryptoPaymentNotes,
  type CryptoPaymentView,
  cryptoPaymentView,
  stateSignature,
} from '@/components/pay/crypto/crypto-payment-state';
import { OutcomePanel, type PaymentDetail, ProgressPanel, TopUpNotice } from '@/components/pay/crypto/crypto-status-panels';
import { DepositAddress } from '@/components/pay/crypto/deposit-address';
import { NetworkWarning } from '@/components/pay/crypto/network-warning';
import { SandboxPay, type SandboxPayText } from '@/components/pay/crypto/sandbox-pay';
import { TEST_PAYMENT_KINDS, type TestPaymentKind, testPaymentUnits } from '@/lib/sandbox/test-payment-amount';
import { PayHeader } from '@/components/pay/pay-header';
import { PayPageLayout } from '@/components/pay/pay-page-layout';
import { PaySteps } from '@/components/pay/pay-steps';
import { RedirectAfter } from '@/components/pay/redirect-after';
import { WaitingNote } from '@/components/pay/waiting-note';
import { type CryptoPaymentPage, getCryptoPaymentPage } from '@/lib/crypto-payments/get-crypto-payment-page';
import { isOpenableWalletUri, trimDecimal } from '@/lib/crypto-payments/wallet-uri';
import { formatDate } from '@/lib/format/date';
import { formatNumber, type Locale } from '@/lib/format/number';
import { amount as unitsOf, formatAmount, parseAmount } from '@/lib/money';
import { LOCALE_COOKIE } from '@/lib/i18n/request-locale';
import { type CryptoPayTranslator, cryptoPayLocale, cryptoPayTranslator } from './crypto-pay-translator';

// Status and countdown are read per request; nothing here may be cached.
export const dynamic = 'force-dynamic';

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ lang?: string | string[] }>;
}

// One database read per request, shared by generateMetadata and the page.
const loadPage = cache((id: string) => getCryptoPaymentPage(id));

async function pageLocale(searchParams: Props['searchParams']): Promise<Locale> {
  const [{ lang }, jar] = await Promise.all([searchParams, cookies()]);
  return cryptoPayLocale(lang, jar.get(LOCALE_COOKIE)?.value);
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ id }, locale] = await Promise.all([params, pageLocale(searchParams)]);
  const t = cryptoPayTranslator(locale);
  const page = await loadPage(id);
  return {
    title: page ? t('meta.title', { shop: page.shopName }) : t('meta.notFoundTitle'),
    robots: { index: false, follow: false },
  };
}

/** A name typed by the shop, set apart inside a sentence so its direction cannot reorder the words around it. */
const isolate = (text: string) => `\u2068${text}\u2069`;

/** A decimal string in the page's digits, without trailing zeros ("0.05000000" -> "۰٫۰۵"). */
const shownAmount = (decimal: string, locale: Locale) => formatNumber(trimDecimal(decimal) as Intl.StringNumericLiteral, locale);

/** "TRON (TRC-20)", "Litecoin" in the page's language. */
function networkLabel(page: CryptoPaymentPage, t: CryptoPayTranslator): string {
  const network = t(`network.names.${page.currency.network}`);
  const standard = page.currency.tokenStandard;
  return standard ? t('network.withStandard', { network, standard }) : network;
}

/** What each sandbox button sends (lib/sandbox/test-payment-amount.ts, as the sandbox route computes it). */
function testAmounts(requested: string, received: string | null, decimals: number): Record<TestPaymentKind, string> {
  const units = (text: string | null) => (text === null ? 0n : parseAmount(text, decimals).units);
  const send = (kind: TestPaymentKind) => formatAmount(unitsOf(testPaymentUnits(units(requested), units(received), kind), decimals));
  return { exact: send('exact'), under: send('under'), over: send('over') };
}

/** The sandbox box's texts: the buttons name what they send, in the page's digits. */
function sandboxText(page: CryptoPaymentPage, t: CryptoPayTranslator, amount: (decimal: string) => string): SandboxPayText {
  const sends = testAmounts(page.payment.requested_amount, page.payment.received_amount, page.currency.decimals);
  const symbol = page.currency.symbol;
  const kinds = TEST_PAYMENT_KINDS;
  return {
    badge: t('sandbox.badge'),
    title: t('sandbox.title'),
    body: t('sandbox.body'),
    buttons: Object.fromEntries(kinds.map((kind) => [kind, { label: t(`sandbox.${kind}`), amount: `${amount(sends[kind])} ${symbol}` }])) as SandboxPayText['buttons'],
    sending: t('sandbox.sending'),
    sent: Object.fromEntries(kinds.map((kind) => [kind, t('sandbox.sent', { amount: amount(sends[kind]), symbol })])) as SandboxPayText['sent'],
    txHash: t('sandbox.txHash'),
    hint: t('sandbox.hint'),
    errors: {
      notAvailable: t('sandbox.errors.notAvailable'),
      rateLimited: t('sandbox.errors.rateLimited'),
      node: t('sandbox.errors.node'),
      network: t('sandbox.errors.network'),
      generic: t('sandbox.errors.generic'),
    },
  };
}

export default async function CryptoPayPage({ params, searchParams }: Props) {
  const [{ id }, locale] = await Promise.all([params, pageLocale(searchParams)]);
  const page = await loadPage(id);
  if (!page) notFound();

  const t = cryptoPayTranslator(locale);
  const { payment, currency } = page;
  const view = cryptoPaymentView(payment);
  const symbol = currency.symbol;
  const network = networkLabel(page, t);
  const amount = (decimal: string) => shownAmount(decimal, locale);
  const copyText = (label: string) => ({ label, copied: t('copy.done'), failed: t('copy.failed') });
  const path = `/pay/crypto/${payment.id}`;

  const noteText: Record<CryptoPaymentNote, string> = {
    underpaid: t('notes.underpaid', { received: amount(payment.received_amount ?? '0'), requested: amount(payment.requested_amount), symbol }),
    overpaid: t('notes.overpaid', { received: amount(payment.received_amount ?? '0'), symbol }),
    paidLate: t('notes.paidLate'),
  };
  const notes = cryptoPaymentNotes(payment).map((note) => noteText[note]);

  const details: PaymentDetail[] = [];
  if (payment.received_amount) details.push({ label: t('progress.received'), value: `${amount(payment.received_amount)} ${symbol}` });
  if (payment.paid_at) details.push({ label: t('progress.paidAt'), value: formatDate(payment.paid_at, locale, 'dateTime') });
  if (payment.tx_hash) {
    details.push({ label: t('progress.txHash'), value: payment.tx_hash, code: true, copy: { value: payment.tx_hash, text: copyText(t('progress.copyTx')) } });
  }

  const titles: Record<CryptoPaymentView, string> = {
    waiting: t('waiting.title'),
    topUp: t('topUp.title'),
    seen: t('seen.title'),
    confirming: t('confirming.title'),
    completed: t('completed.title'),
    expired: t('expired.title'),
    failed: t('failed.title'),
  };
  const confirmations = { count: payment.confirmations, required: payment.required_confirmations };
  const statusAnnouncement =
    view === 'seen' || view === 'confirming' ? t('progress.announce', { title: titles[view], ...confirmations }) : titles[view];

  return (
    <PayPageLayout
      locale={locale}
      header={
        <PayHeader
          authority={payment.id}
          locale={locale}
          shopName={page.shopName}
          description={null}
          factorNumber={payment.order_id}
          languageHref={(language) => `${path}?lang=${language}`}
          text={{ tagline: t('header.tagline'), languages: t('header.languages'), payTo: t('header.payTo'), factorNumber: t('header.orderId') }}
        />
      }
      footer={<footer className="mt-8 text-center text-xs text-ink-600">{t('footer')}</footer>}
    >
      <CryptoPaymentLive
        id={payment.id}
        view={view}
        signature={stateSignature(payment)}
        remainingSeconds={page.remainingSeconds}
        statusAnnouncement={statusAnnouncement}
        countdownText={{
          threeMinutesLeft: t('waiting.threeMinutesLeft'),
          oneMinuteLeft: t('waiting.oneMinuteLeft'),
          minutesLeft: minutesLeftText((minutes) => t('waiting.minutesLeft', { minutes })),
        }}
      >
        {asksForPayment(view) ? (
          <div className="space-y-4">
            {view === 'topUp' ? (
              <TopUpNotice
                title={titles.topUp}
                body={t('topUp.body', { received: amount(payment.received_amount ?? '0'), requested: amount(payment.requested_amount), symbol })}
              />
            ) : (
              <WaitingNote title={titles.waiting} body={t('waiting.body')} />
            )}
            <AmountDuePanel
              label={view === 'topUp' ? t('amount.remainingLabel') : t('amount.label')}
              amount={amount(page.amountDue)}
              copyValue={trimDecimal(page.amountDue)}
              symbol={symbol}
              currencyLine={`${t(`currencies.${payment.currency}`)} · ${network}`}
              deadline={page.remainingSeconds > 0 ? t('waiting.deadline', { time: formatDate(payment.expires_at, locale, 'dateTime') }) : null}
              exact={t('amount.exact')}
              copy={copyText(t('amount.copy'))}
              countdown={<CryptoCountdown totalSeconds={page.totalSeconds} locale={locale} label={t('waiting.timeLeft')} />}
            />
            <NetworkWarning
              title={t('network.warningTitle', { symbol, network })}
              body={t('network.warningBody', { symbol })}
              testChain={currency.chain === 'mainnet' ? null : t('network.testChain', { chain: currency.chain })}
            />
            {/* Local test chains only (regtest, dev), while money is due: the test wallet pays, as Stripe's test mode. */}
            {page.sandbox && <SandboxPay id={payment.id} text={sandboxText(page, t, amount)} />}
            <DepositAddress
              address={payment.deposit_address}
              memo={payment.memo}
              qrSvg={page.qrSvg}
              walletHref={isOpenableWalletUri(page.walletUri) ? page.walletUri : null}
              text={{
                label: t('address.label'),
                copy: copyText(t('address.copy')),
                check: t('address.check'),
                openWallet: t('address.openWallet'),
                qrLabel: isOpenableWalletUri(page.walletUri)
                  ? t('qr.label', { amount: amount(page.amountDue), symbol })
                  : t('qr.addressLabel'),
                qrHint: isOpenableWalletUri(page.walletUri) ? t('qr.hint') : `${t('qr.hint')} ${t('qr.addressOnly')}`,
                memo: { label: t('memo.label'), copy: copyText(t('memo.copy')), warning: t('memo.warning') },
              }}
            />
            <PaySteps
              title={t('steps.title')}
              steps={[t('steps.openWallet', { symbol }), t('steps.network', { network }), t('steps.paste'), t('steps.comeBack')]}
              locale={locale}
            />
          </div>
        ) : view === 'seen' || view === 'confirming' ? (
          <ProgressPanel
            title={titles[view]}
            body={t(`${view}.body`)}
            confirmations={{ label: t('progress.confirmations'), ...confirmations, text: t('progress.count', confirmations) }}
            details={details}
            notes={notes}
          />
        ) : view === 'completed' ? (
          <OutcomePanel
            tone="success"
            title={titles.completed}
            body={t('completed.body', { amount: amount(payment.received_amount ?? payment.requested_amount), symbol, shop: isolate(page.shopName) })}
            details={details}
            notes={notes}
            action={page.callbackUrl ? { href: page.callbackUrl, label: t('completed.goNow') } : null}
            after={
              page.callbackUrl ? (
                <p className="mt-4 flex items-center justify-center gap-2 text-sm text-ink-600">
                  <span aria-hidden="true" className="size-4 rounded-full border-2 border-ink-200 border-t-brand-600 motion-safe:animate-spin" />
                  {t('completed.redirecting')}
                  <RedirectAfter href={page.callbackUrl} />
                </p>
              ) : (
                <p className="mt-5 text-sm text-ink-600">{t('completed.close')}</p>
              )
            }
          />
        ) : (
          <OutcomePanel
            tone={view === 'expired' ? 'expired' : 'stopped'}
            title={titles[view]}
            body={t(`${view}.body`)}
            details={details}
            notes={notes}
            action={page.callbackUrl ? { href: page.callbackUrl, label: t('backToShop') } : null}
          />
        )}
      </CryptoPaymentLive>
    </PayPageLayout>
  );
}
