import Link from 'next/link';
import type { ReactNode } from 'react';
import { Money } from '@/components/dashboard/money';
import { Badge, type BadgeTone } from '@/components/ui/panel';
import type { SMS_MATCH_STATUSES } from '@/lib/sms/sms-statuses';
import { bankByCode } from '@/lib/banking/banks';
import { formatDate } from '@/lib/format/date';
import { formatRials } from '@/lib/format/money';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { SmsMessageResponse } from '@/lib/sms/schemas';
import { MatchDialog } from './match-dialog';
import { ResolveLateButton } from './resolve-late-button';
import { SenderTrustButtons } from './sender-trust-buttons';

type MatchStatus = (typeof SMS_MATCH_STATUSES)[number];

// Unmatched and paid-late deposits wait for the merchant; paid late most urgently (the buyer was told it failed).
const STATUS_TONE: Record<MatchStatus, BadgeTone> = {
  matched: 'success',
  unmatched: 'warning',
  needs_review: 'warning',
  possible_duplicate: 'warning',
  paid_late: 'danger',
  ignored: 'neutral',
};

function Detail({ label, className = '', children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <dt className="text-xs text-ink-500">{label}</dt>
      <dd className="mt-0.5 text-ink-900">{children}</dd>
    </div>
  );
}

/** One received SMS: who sent it and when, its text as it came, what KPay read in it, and what it paid. */
export function SmsMessageCard({ message, deviceName, locale }: { message: SmsMessageResponse; deviceName?: string; locale: Locale }) {
  const t = translator(locale, 'sms');
  const bank = bankByCode(message.bank_code);
  const headingId = `sms-${message.id}`;
  const receivedAt = formatDate(message.received_at, locale, 'dateTime');

  const description =
    message.amount === null
      ? t('match.descriptionNoAmount', { time: receivedAt })
      : t('match.description', { amount: formatRials(message.amount, locale), time: receivedAt });
  // Any SMS that paid nothing yet can be matched by hand: the merchant reads the text, KPay's reading may be wrong.
  const matchByHand = <MatchDialog smsId={message.id} amount={message.amount} description={description} />;
  const suggestedBank = bankByCode(message.suggested_bank_code);

  let action: ReactNode = null;
  if (message.match_status === 'needs_review') {
    const undecidedSender = message.review_reason === 'untrusted_sender';
    action = (
      <>
        <p className="text-sm leading-6 text-ink-600">{t(`message.review.${message.review_reason ?? 'untrusted_sender'}`)}</p>
        <div className="flex min-w-0 flex-wrap items-center gap-2 @lg:shrink-0">
          {undecidedSender ? (
            <SenderTrustButtons
              deviceId={message.device_id}
              sender={message.sender}
              bankName={suggestedBank ? (locale === 'fa' ? suggestedBank.nameFa : suggestedBank.nameEn) : null}
            />
          ) : null}
          {matchByHand}
        </div>
      </>
    );
  } else if (message.match_status === 'possible_duplicate' || message.match_status === 'unmatched') {
    action = (
      <>
        <p className="text-sm leading-6 text-ink-600">{t(message.match_status === 'unmatched' ? 'message.unmatchedHint' : 'message.duplicateHint')}</p>
        {matchByHand}
      </>
    );
  } else if (message.match_status === 'paid_late' && message.transaction_authority) {
    action = (
      <>
        <p className="text-sm leading-6 text-ink-600">{t('message.paidLateHint')}</p>
        <div className="shrink-0">
          <ResolveLateButton smsId={message.id} authority={message.transaction_authority} />
        </div>
      </>
    );
  } else if (message.match_status === 'ignored') {
    action = (
      <>
        <p className="text-sm leading-6 text-ink-500">
          {message.review_reason === 'blocked_sender' ? t('message.review.blocked_sender') : t('message.ignoredHint')}
        </p>
        {matchByHand}
      </>
    );
  }

  return (
    <article aria-labelledby={headingId} className="@container rounded-xl border border-ink-200 bg-white p-3.5 sm:p-4">
      <header className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <h3 id={headingId} className="truncate font-semibold text-ink-900">
            <bdi>{message.sender}</bdi>
          </h3>
          <p className="mt-0.5 text-xs text-ink-500">
            <time dateTime={message.received_at}>{receivedAt}</time>
            {deviceName ? <> · {t('message.via', { device: deviceName })}</> : null}
          </p>
        </div>
        <Badge tone={STATUS_TONE[message.match_status]}>{t(`message.matchStatus.${message.match_status}`)}</Badge>
      </header>

      {/* Text and reading side by side once the card is wide enough (its own width, not the screen's). */}
      <div className="mt-3 grid gap-3 @lg:grid-cols-2 @lg:items-start">
        <p dir="auto" className="rounded-lg bg-ink-50 px-3 py-2.5 text-sm leading-6 break-words whitespace-pre-line text-ink-800">
          {message.text}
        </p>

        <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
          <Detail label={t('message.kind')}>{t(`message.kinds.${message.kind}`)}</Detail>
          <Detail label={t('message.bank')}>{bank ? (locale === 'fa' ? bank.nameFa : bank.nameEn) : <span className="text-ink-500">{t('message.unknownBank')}</span>}</Detail>
          <Detail label={t('message.amount')}>
            {message.amount !== null ? (
              <Money rials={message.amount} locale={locale} />
            ) : message.kind === 'deposit' ? (
              <span className="text-ink-500">{t('message.unreadableAmount')}</span>
            ) : (
              <span className="text-ink-500">—</span>
            )}
          </Detail>
          {message.destination ? (
            <Detail label={t('message.destination')}>
              <bdi dir="ltr" className="font-mono text-xs">
                {message.destination}
              </bdi>
            </Detail>
          ) : null}
          <Detail label={t('message.senderTrust')}>
            {message.sender_kind === 'personal_mobile' ? t('message.personalSender') : t(`message.trust.${message.sender_trust}`)}
          </Detail>
          <Detail label={t('message.transaction')} className="col-span-2">
            {message.transaction_id && message.transaction_authority ? (
              <Link
                href={`/dashboard/transactions/${message.transaction_id}`}
                className="rounded font-medium text-brand-700 underline decoration-brand-300 underline-offset-4 hover:text-brand-900"
              >
                <code dir="ltr" className="text-xs break-all">
                  {message.transaction_authority}
                </code>
              </Link>
            ) : (
              <span className="text-ink-500">{t('message.noTransaction')}</span>
            )}
          </Detail>
        </dl>
      </div>

      {action ? (
        <div className="mt-3 flex flex-col gap-3 border-t border-ink-100 pt-3 @lg:flex-row @lg:items-center @lg:justify-between">{action}</div>
      ) : null}
    </article>
  );
}
