'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import { toast } from 'sonner';
import { CryptoAmount, formatDecimal, trimDecimal } from '@/components/dashboard/crypto/crypto-amount';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import { Button } from '@/components/ui/button';
import { describedBy, Field, inputClass, Select, TextInput } from '@/components/ui/field';
import type { CurrencyCode } from '@/lib/currencies/currencies';
import type { Chain, Network } from '@/lib/currencies/networks';
import { requestWithdrawalAction } from '@/lib/dashboard/actions/withdrawals';
import { formatNumber, localizeDigits, type Locale } from '@/lib/format/number';
// lib/money's own modules rather than its index, which also exports its zod schemas: no zod in this page's bundle.
import { subtractAmounts } from '@/lib/money/arithmetic';
import { compareAmounts } from '@/lib/money/compare-amounts';
import { formatAmount } from '@/lib/money/format-amount';
import { parseAmount, safeParseAmount } from '@/lib/money/parse-amount';
import { isValidAddress } from '@/lib/wallet/validate-address';

/** A currency the form offers: enabled on this server, with its chain, rules and the merchant's available balance. */
export interface WithdrawalCurrencyOption {
  code: CurrencyCode;
  symbol: string;
  network: Network;
  chain: Chain;
  decimals: number;
  /** Decimal strings in the currency's unit, exactly as the server uses them. */
  minimum: string;
  fee: string;
  available: string;
}

type FieldName = 'currency' | 'amount' | 'destination_address';
const ID: Record<FieldName, string> = { currency: 'withdrawal-currency', amount: 'withdrawal-amount', destination_address: 'withdrawal-destination' };
const NOT_TOUCHED = { amount: false, destination_address: false };

/** A fresh Idempotency-Key: random, and made with getRandomValues, which (unlike randomUUID) plain-http pages have too. */
function newKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `dashboard-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/**
 * Requests a withdrawal, checking as the merchant types: the amount against the currency's decimals, minimum and fee,
 * with the fee and what arrives computed exactly from decimal strings (lib/money, never a float); the destination
 * with the server's own address check for the currency's network and chain. The available balance is shown and
 * offered as "max"; an amount above it is flagged but still sent, since the server's balance is the one that counts
 * (a deposit may have just confirmed) and its answer says so. One Idempotency-Key per filled-in form: a double submit
 * or a retry makes one withdrawal; a new key after each success.
 */
export function WithdrawalForm({ currencies, initialCurrency, locale }: { currencies: WithdrawalCurrencyOption[]; initialCurrency: CurrencyCode; locale: Locale }) {
  const t = useTranslations('crypto.withdrawals.form');
  const tc = useTranslations('crypto');
  const tCommon = useTranslations('common');
  const router = useRouter();
  const [code, setCode] = useState(initialCurrency);
  const [amountText, setAmountText] = useState('');
  const [address, setAddress] = useState('');
  const [touched, setTouched] = useState(NOT_TOUCHED);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [key, setKey] = useState(newKey);

  const option = currencies.find((c) => c.code === code) ?? currencies[0]!;
  const { symbol, decimals } = option;
  const network = tc(`networks.${option.network}`);
  const fee = parseAmount(option.fee, decimals);
  const minimum = parseAmount(option.minimum, decimals);
  const available = parseAmount(option.available, decimals);
  // Shown without the zeros a long fraction ends in: the same exact value, easier to read (ETH has 18 decimals).
  const show = (value: string) => formatDecimal(trimDecimal(value), locale);

  const typed = amountText.trim();
  const parsed = typed === '' ? null : safeParseAmount(typed, decimals, { userInput: true });
  const requested = parsed?.ok ? parsed.amount : null;
  const amountProblem =
    parsed === null
      ? t('errors.amountEmpty')
      : !parsed.ok
        ? t('errors.amountFormat', { decimals: formatNumber(decimals, locale) })
        : compareAmounts(parsed.amount, minimum) < 0
          ? t('errors.amountMinimum', { minimum: show(option.minimum), symbol })
          : compareAmounts(parsed.amount, fee) <= 0
            ? t('errors.amountFee', { fee: show(option.fee), symbol })
            : undefined;
  const net = requested && compareAmounts(requested, fee) > 0 ? subtractAmounts(requested, fee) : null;
  const overAvailable = requested !== null && compareAmounts(requested, available) > 0;

  const destination = address.trim();
  const addressValid = destination !== '' && isValidAddress(option.network, option.chain, destination);
  const addressProblem = destination === '' ? t('errors.addressEmpty') : addressValid ? undefined : t('errors.address', { network });

  // A field's verdict waits until the merchant leaves it with something typed, or submits: an empty field is not
  // scolded for being left (after a reset the caret may still be in it).
  const settled = (field: keyof typeof NOT_TOUCHED) => touched[field] || submitted;
  const errors: Record<FieldName, string | undefined> = {
    currency: serverErrors.currency,
    amount: (settled('amount') ? amountProblem : undefined) ?? serverErrors.amount,
    destination_address: (settled('destination_address') ? addressProblem : undefined) ?? serverErrors.destination_address,
  };

  const reset = () => {
    setAmountText('');
    setAddress('');
    setTouched(NOT_TOUCHED);
    setSubmitted(false);
    setServerErrors({});
    setKey(newKey());
  };
  const { run, pending } = useDashboardAction(requestWithdrawalAction, {
    onSuccess: (withdrawal) => {
      toast.success(withdrawal.status === 'pending' && withdrawal.approvals_required > 0 ? t('requestedConfirm') : t('requested'));
      reset();
    },
    onError: (error) => {
      if (error.code === 'insufficient_funds') return t('errors.insufficient', { symbol });
      // The key made a withdrawal already (its answer was lost, then the form was changed): it is in the list now.
      if (error.code === 'conflict') {
        router.refresh();
        setKey(newKey());
        return t('errors.conflict');
      }
    },
  });

  const focusFirst = (hasError: (field: FieldName) => boolean) => {
    const first = (Object.keys(ID) as FieldName[]).find(hasError);
    if (first) document.getElementById(ID[first])?.focus();
  };

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!requested || amountProblem || addressProblem) {
      focusFirst((field) => (field === 'amount' ? Boolean(amountProblem) : field === 'destination_address' ? Boolean(addressProblem) : false));
      return;
    }
    const result = await run({ currency: code, amount: formatAmount(requested), destination_address: destination, idempotency_key: key });
    if (result.ok) return;
    const { code: errorCode, fields } = result.error;
    const next: Partial<Record<FieldName, string>> =
      errorCode === 'insufficient_funds'
        ? { amount: t('errors.insufficient', { symbol }) }
        : Object.fromEntries(
            (Object.keys(ID) as FieldName[])
              .filter((field) => fields?.[field])
              .map((field) => [field, locale === 'en' ? fields![field]! : field === 'destination_address' ? t('errors.addressRefused') : tCommon('errors.field')]),
          );
    setServerErrors(next);
    focusFirst((field) => Boolean(next[field]));
  }

  const availableHint = t('available', { amount: show(option.available), symbol });
  const amountHint = overAvailable ? t('errors.overAvailable', { amount: show(option.available), symbol }) : t('amountHint', { symbol, minimum: show(option.minimum) });
  const addressHint = addressValid ? (
    <span className="font-medium text-emerald-800">
      <span aria-hidden="true">✓ </span>
      {t('destinationValid', { network })}
    </span>
  ) : (
    t('destinationHint', { network })
  );

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('title')} className="space-y-4">
      <Field id={ID.currency} label={t('currency')} hint={availableHint} error={errors.currency}>
        <Select
          {...describedBy(ID.currency, errors.currency, true)}
          name="currency"
          value={code}
          onChange={(event) => {
            setCode(event.target.value as CurrencyCode);
            setServerErrors({});
          }}
        >
          {currencies.map((currency) => (
            <option key={currency.code} value={currency.code}>
              {tc('filters.currencyOption', { symbol: currency.symbol, network: tc(`networks.${currency.network}`) })}
            </option>
          ))}
        </Select>
      </Field>

      <Field id={ID.amount} label={t('amount')} hint={<span className={overAvailable ? 'text-amber-800' : undefined}>{amountHint}</span>} error={errors.amount}>
        <div dir="ltr" className="flex">
          <TextInput
            {...describedBy(ID.amount, errors.amount, true)}
            name="amount"
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            className="rounded-e-none tabular-nums"
            invalid={Boolean(errors.amount)}
            value={amountText}
            onChange={(event) => {
              setAmountText(event.target.value);
              setServerErrors((was) => ({ ...was, amount: undefined }));
            }}
            onBlur={() => typed && setTouched((was) => ({ ...was, amount: true }))}
          />
          <button
            type="button"
            disabled={available.units === 0n}
            onClick={() => {
              // In the page's digits and decimal separator, as the merchant would type it (parsed back exactly).
              const max = localizeDigits(trimDecimal(option.available), locale);
              setAmountText(locale === 'fa' ? max.replace('.', '\u066b') : max);
              setServerErrors((was) => ({ ...was, amount: undefined }));
            }}
            className="shrink-0 rounded-e-xl border border-s-0 border-ink-200 bg-ink-50 px-3.5 text-sm font-semibold text-brand-800 hover:bg-brand-50 disabled:cursor-not-allowed disabled:text-ink-500 disabled:hover:bg-ink-50"
          >
            {t('max')}
            <span className="sr-only">: {t('maxLabel')}</span>
          </button>
        </div>
      </Field>

      <Field id={ID.destination_address} label={t('destination')} hint={<span aria-live="polite">{addressHint}</span>} error={errors.destination_address}>
        {/* Two wrapping lines, not one scrolling line: the whole address stays in view to be checked before money leaves. */}
        <textarea
          {...describedBy(ID.destination_address, errors.destination_address, true)}
          name="destination_address"
          rows={2}
          dir="ltr"
          autoComplete="off"
          autoCorrect="off"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={200}
          className={`${inputClass(Boolean(errors.destination_address))} resize-none py-2.5 font-mono text-sm break-all`}
          value={address}
          // A pasted line break is no part of an address; Enter submits, as in a one-line field.
          onChange={(event) => {
            setAddress(event.target.value.replace(/[\r\n]+/g, ''));
            setServerErrors((was) => ({ ...was, destination_address: undefined }));
          }}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            event.currentTarget.form?.requestSubmit();
          }}
          onBlur={() => destination && setTouched((was) => ({ ...was, destination_address: true }))}
        />
      </Field>

      <section aria-labelledby="withdrawal-preview" className="rounded-xl bg-ink-50 p-3.5 text-sm">
        <h3 id="withdrawal-preview" className="text-xs font-semibold text-ink-700">
          {t('preview')}
        </h3>
        <dl className="mt-2 space-y-1.5">
          <div className="flex items-baseline justify-between gap-3">
            <dt className="text-ink-600">{t('previewAmount')}</dt>
            <dd>{requested && !amountProblem ? <CryptoAmount value={trimDecimal(formatAmount(requested))} symbol={symbol} locale={locale} /> : '—'}</dd>
          </div>
          <div className="flex items-baseline justify-between gap-3">
            <dt className="text-ink-600">{t('fee')}</dt>
            <dd>
              <CryptoAmount value={trimDecimal(option.fee)} symbol={symbol} locale={locale} />
            </dd>
          </div>
          <div className="flex items-baseline justify-between gap-3 border-t border-ink-200 pt-1.5">
            <dt className="font-medium text-ink-800">{t('net')}</dt>
            <dd data-net>{net && !amountProblem ? <CryptoAmount value={trimDecimal(formatAmount(net))} symbol={symbol} locale={locale} className="font-bold text-ink-950" /> : '—'}</dd>
          </div>
        </dl>
      </section>

      <p className="text-xs leading-5 text-ink-600">{t('approval')}</p>

      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t('submitting') : t('submit')}
      </Button>
    </form>
  );
}
