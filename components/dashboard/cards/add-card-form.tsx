'use client';

import { useTranslations } from 'next-intl';
import { type ChangeEvent, type FormEvent, useState } from 'react';
import { addCardAction } from '@/lib/dashboard/actions/cards';
import { Button } from '@/components/ui/button';
import { describedBy, Field, TextInput } from '@/components/ui/field';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import { type Bank, bankByCardNumber } from '@/lib/banking/banks';
import { groupCardNumber } from '@/lib/banking/card-number';
import { checkSheba } from '@/lib/banking/sheba';
import { groupShebaDigits, regroupTypedDigits } from '@/lib/banking/typed-digits';
import { addCardInput } from '@/lib/cards/schemas';
import type { ErrorCode } from '@/lib/errors';
import { localizeDigits, type Locale } from '@/lib/format/number';
import { BankCardFace } from './bank-card-face';

type FieldName = 'card_number' | 'owner_name' | 'sheba';
const FIELDS: readonly FieldName[] = ['card_number', 'owner_name', 'sheba'];
const ID: Record<FieldName, string> = { card_number: 'card-number', owner_name: 'card-owner-name', sheba: 'card-sheba' };
const NOT_TOUCHED: Record<FieldName, boolean> = { card_number: false, owner_name: false, sheba: false };

const CARD_LAYOUT = { maxDigits: 16, group: groupCardNumber };
const SHEBA_LAYOUT = { maxDigits: 24, group: groupShebaDigits };

/**
 * Adds a card with feedback as the merchant types. The verdicts come from the API's own schema (addCardInput: Luhn, a
 * known BIN, the Sheba's format and mod-97 check, and that the Sheba's bank is the card's), run on every keystroke;
 * this component only decides when a verdict is worth showing and says it in the page's language. The submit is
 * refused while anything is invalid, and the server's answer (a duplicate card) lands beside the field too.
 */
export function AddCardForm({ locale }: { locale: Locale }) {
  const t = useTranslations('cards');
  const tc = useTranslations('common');
  const [cardDigits, setCardDigits] = useState('');
  const [ownerName, setOwnerName] = useState('');
  const [shebaDigits, setShebaDigits] = useState('');
  // A field's "not finished yet" error waits until the person leaves it or submits.
  const [touched, setTouched] = useState(NOT_TOUCHED);
  const [submitted, setSubmitted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<FieldName, string>>>({});

  const reset = () => {
    setCardDigits('');
    setOwnerName('');
    setShebaDigits('');
    setTouched(NOT_TOUCHED);
    setSubmitted(false);
    setServerErrors({});
  };
  const { run, pending } = useDashboardAction(addCardAction, { success: t('form.added'), onSuccess: reset });

  const input = { card_number: cardDigits, owner_name: ownerName, sheba: shebaDigits ? `IR${shebaDigits}` : undefined };
  const parsed = addCardInput.safeParse(input);
  const invalid = new Set(parsed.success ? [] : parsed.error.issues.map((issue) => issue.path[0]));
  const bank = cardDigits.length >= 6 ? bankByCardNumber(cardDigits) : undefined;
  const bankName = (b: Bank) => (locale === 'en' ? b.nameEn : b.nameFa);
  const settled = (field: FieldName) => touched[field] || submitted;

  function cardError(): string | undefined {
    if (!invalid.has('card_number')) return undefined;
    if (cardDigits.length >= 6 && !bank) return t('errors.unknownBank', { bin: localizeDigits(cardDigits.slice(0, 6), locale) });
    if (cardDigits.length === 16) return t('errors.cardInvalid');
    return settled('card_number') ? t('errors.cardLength') : undefined;
  }

  function shebaError(): string | undefined {
    if (!input.sheba || !invalid.has('sheba')) return undefined;
    const check = checkSheba(input.sheba);
    if (!check.ok) {
      if (shebaDigits.length === SHEBA_LAYOUT.maxDigits) return t('errors.shebaInvalid');
      return settled('sheba') ? t('errors.shebaFormat') : undefined;
    }
    // Format and checksum pass, so what the schema refuses is a Sheba at another bank than the card's.
    return t('errors.shebaBank', {
      shebaBank: check.bank ? bankName(check.bank) : t('errors.shebaUnknownBank'),
      cardBank: bank ? bankName(bank) : t('unknownBank'),
    });
  }

  const errors: Record<FieldName, string | undefined> = {
    card_number: cardError() ?? serverErrors.card_number,
    owner_name: (invalid.has('owner_name') && settled('owner_name') ? t('errors.ownerName') : undefined) ?? serverErrors.owner_name,
    sheba: shebaError() ?? serverErrors.sheba,
  };

  const focusFirst = (hasError: (field: FieldName) => boolean) => {
    const first = FIELDS.find(hasError);
    if (first) document.getElementById(ID[first])?.focus();
  };

  const onDigitsChange =
    (field: 'card_number' | 'sheba', previousDigits: string, layout: typeof CARD_LAYOUT, setDigits: (digits: string) => void) =>
    (event: ChangeEvent<HTMLInputElement>) => {
      const element = event.currentTarget;
      const next = regroupTypedDigits(
        {
          text: element.value,
          caret: element.selectionStart ?? element.value.length,
          previousDigits,
          inputType: (event.nativeEvent as InputEvent).inputType,
        },
        layout,
      );
      // Written here, before React renders the same value, so the caret lands where it belongs and not at the end.
      element.value = next.text;
      element.setSelectionRange(next.caret, next.caret);
      setDigits(next.digits);
      setServerErrors((was) => ({ ...was, [field]: undefined }));
    };

  const serverFieldErrors = (code: ErrorCode, fields: Record<string, string>): Partial<Record<FieldName, string>> =>
    Object.fromEntries(
      FIELDS.filter((field) => fields[field]).map((field) => [
        field,
        field === 'card_number' && code === 'conflict' ? t('errors.duplicate') : locale === 'en' ? fields[field] : tc('errors.field'),
      ]),
    );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setSubmitted(true);
    if (!parsed.success) {
      focusFirst((field) => invalid.has(field));
      return;
    }
    const result = await run(input);
    if (!result.ok && result.error.fields) {
      const fields = serverFieldErrors(result.error.code, result.error.fields);
      setServerErrors(fields);
      focusFirst((field) => Boolean(fields[field]));
    }
  }

  const cardHint = bank ? t('form.bankDetected', { bank: bankName(bank) }) : t('form.cardNumberHint');
  const digitsInputProps = {
    type: 'text',
    inputMode: 'numeric',
    dir: 'ltr',
    autoComplete: 'off',
    autoCorrect: 'off',
    spellCheck: false,
    className: 'tracking-wide tabular-nums',
  } as const;

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('form.title')} className="space-y-4">
      <figure aria-hidden="true" className="space-y-1.5">
        <BankCardFace
          bankName={bank ? bankName(bank) : cardDigits.length >= 6 ? t('unknownBank') : t('form.previewBank')}
          bankColor={bank?.color}
          digits={cardDigits}
          ownerName={ownerName.trim() || t('form.ownerPlaceholder')}
          sheba={input.sheba && !invalid.has('sheba') ? input.sheba : undefined}
          locale={locale}
          text={{ number: t('tile.number'), owner: t('tile.owner'), sheba: t('tile.sheba') }}
        />
        <figcaption className="text-center text-xs text-ink-500">{t('form.preview')}</figcaption>
      </figure>

      <Field id={ID.card_number} label={t('form.cardNumber')} hint={<span aria-live="polite">{cardHint}</span>} error={errors.card_number}>
        <TextInput
          {...describedBy(ID.card_number, errors.card_number, cardHint)}
          {...digitsInputProps}
          name="card_number"
          invalid={Boolean(errors.card_number)}
          value={groupCardNumber(cardDigits)}
          onChange={onDigitsChange('card_number', cardDigits, CARD_LAYOUT, setCardDigits)}
          onBlur={() => setTouched((was) => ({ ...was, card_number: true }))}
        />
      </Field>

      <Field id={ID.owner_name} label={t('form.ownerName')} hint={t('form.ownerNameHint')} error={errors.owner_name}>
        <TextInput
          {...describedBy(ID.owner_name, errors.owner_name, true)}
          name="owner_name"
          dir="auto"
          autoComplete="off"
          maxLength={100}
          invalid={Boolean(errors.owner_name)}
          value={ownerName}
          onChange={(event) => {
            setOwnerName(event.target.value);
            setServerErrors((was) => ({ ...was, owner_name: undefined }));
          }}
          onBlur={() => setTouched((was) => ({ ...was, owner_name: true }))}
        />
      </Field>

      <Field
        id={ID.sheba}
        label={
          <>
            {t('form.sheba')} <span className="font-normal text-ink-500">({tc('optional')})</span>
          </>
        }
        hint={t('form.shebaHint')}
        error={errors.sheba}
      >
        <div dir="ltr" className="flex">
          <span aria-hidden="true" className="grid place-items-center rounded-s-xl border border-e-0 border-ink-200 bg-ink-50 px-3 font-semibold text-ink-600">
            IR
          </span>
          <TextInput
            {...describedBy(ID.sheba, errors.sheba, true)}
            {...digitsInputProps}
            name="sheba"
            className={`${digitsInputProps.className} rounded-s-none`}
            invalid={Boolean(errors.sheba)}
            value={groupShebaDigits(shebaDigits)}
            onChange={onDigitsChange('sheba', shebaDigits, SHEBA_LAYOUT, setShebaDigits)}
            onBlur={() => setTouched((was) => ({ ...was, sheba: true }))}
          />
        </div>
      </Field>

      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t('form.submitting') : t('form.submit')}
      </Button>
    </form>
  );
}
