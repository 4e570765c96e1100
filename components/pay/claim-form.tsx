import { type FormEvent, useId, useState } from 'react';

export interface ClaimFormText {
  title: string;
  intro: string;
  reference: string;
  referenceHint: string;
  cardLast4: string;
  cardLast4Hint: string;
  paidAt: string;
  optional: string;
  submit: string;
  submitting: string;
  successTitle: string;
  success: string;
  errors: {
    referenceRequired: string;
    reference: string;
    cardLast4: string;
    paidAt: string;
    notPending: string;
    rateLimited: string;
    network: string;
    generic: string;
  };
}

// Inputs are named as the API's fields, so a 422 `fields` key names the input to mark.
const FIELDS = ['reference', 'card_last4', 'paid_at'] as const;
type Field = (typeof FIELDS)[number];
type Errors = Partial<Record<Field | 'form', string>>;

const isField = (key: string): key is Field => (FIELDS as readonly string[]).includes(key);

/**
 * The latest moment at the wall-clock time the buyer typed ("14:05"), in their own time zone: today, or yesterday
 * when that time is still ahead (a transfer at 23:58 reported at 00:03).
 */
function paidAtFromTime(time: string, now = new Date()): string {
  const [hours = 0, minutes = 0] = time.split(':').map(Number);
  const at = new Date(now);
  at.setHours(hours, minutes, 0, 0);
  if (at > now) at.setDate(at.getDate() - 1);
  return at.toISOString();
}

async function apiFieldErrors(response: Response): Promise<Field[]> {
  try {
    const body = (await response.json()) as { error?: { fields?: Record<string, unknown> } };
    return Object.keys(body.error?.fields ?? {}).filter(isField);
  } catch {
    return [];
  }
}

/**
 * "I have paid": the buyer's tracking number, the last four digits of the paying card and, optionally, the time,
 * recorded on the pending transaction for the merchant to review. Persian digits are fine; the API normalises them.
 */
export function ClaimForm({
  authority,
  dir,
  text,
  onNotPending,
}: {
  authority: string;
  /** Text alignment of the LTR digit inputs follows the page. */
  dir: 'rtl' | 'ltr';
  text: ClaimFormText;
  /** The transaction left pending meanwhile (409): the page should check its status now. */
  onNotPending: () => void;
}) {
  const id = useId();
  const [submitting, setSubmitting] = useState(false);
  const [sent, setSent] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const fieldErrorText: Record<Field, string> = {
    reference: text.errors.reference,
    card_last4: text.errors.cardLast4,
    paid_at: text.errors.paidAt,
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const reference = String(form.get('reference') ?? '').trim();
    const cardLast4 = String(form.get('card_last4') ?? '').trim();
    const time = String(form.get('paid_at') ?? '');
    function showErrors(next: Errors) {
      setErrors(next);
      // Focus the first rejected input: its error is read out through aria-describedby.
      const first = FIELDS.find((field) => next[field]);
      if (first) (formElement.elements.namedItem(first) as HTMLInputElement | null)?.focus();
    }

    // Only emptiness is checked here; the API owns the format rules and answers 422 with the fields it rejects.
    const missing: Errors = {};
    if (!reference) missing.reference = text.errors.referenceRequired;
    if (!cardLast4) missing.card_last4 = text.errors.cardLast4;
    if (missing.reference || missing.card_last4) return showErrors(missing);

    setSubmitting(true);
    setErrors({});
    try {
      const response = await fetch(`/api/transactions/payment/${encodeURIComponent(authority)}/claim`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ reference, card_last4: cardLast4, ...(time ? { paid_at: paidAtFromTime(time) } : {}) }),
      });
      if (response.ok) {
        setSent(true);
      } else if (response.status === 422) {
        const fields = await apiFieldErrors(response);
        showErrors(fields.length ? Object.fromEntries(fields.map((field) => [field, fieldErrorText[field]])) : { form: text.errors.generic });
      } else if (response.status === 409) {
        showErrors({ form: text.errors.notPending });
        onNotPending();
      } else {
        showErrors({ form: response.status === 429 ? text.errors.rateLimited : text.errors.generic });
      }
    } catch {
      showErrors({ form: text.errors.network });
    } finally {
      setSubmitting(false);
    }
  }

  const digitsAlign = dir === 'rtl' ? 'text-right' : 'text-left';
  const inputClass = `block min-h-12 w-full rounded-xl border border-ink-300 bg-white px-3.5 text-base text-ink-950 tabular-nums shadow-xs placeholder:text-ink-500 aria-invalid:border-red-600 aria-invalid:bg-red-50/40 ${digitsAlign}`;

  function fieldProps(field: Field, hint?: string) {
    const described = [hint && `${id}-${field}-hint`, errors[field] && `${id}-${field}-error`].filter(Boolean).join(' ');
    return {
      id: `${id}-${field}`,
      name: field,
      'aria-invalid': errors[field] ? true : undefined,
      'aria-describedby': described || undefined,
      // mt-auto: side-by-side inputs line up at the bottom when one label wraps to two lines.
      className: `mt-auto ${inputClass}`,
    };
  }

  function fieldError(field: Field) {
    return errors[field] ? (
      <p id={`${id}-${field}-error`} className="mt-1.5 text-sm font-medium text-red-700">
        {errors[field]}
      </p>
    ) : null;
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-3xl bg-white p-5 shadow-sm ring-1 ring-ink-200">
      <h2 id={`${id}-title`} className="text-lg font-bold text-ink-950">
        {text.title}
      </h2>
      <div aria-live="polite">
        {sent && (
          <div className="mt-3 flex gap-3 rounded-2xl bg-brand-50 p-4 text-brand-900 ring-1 ring-brand-200">
            <svg viewBox="0 0 20 20" aria-hidden="true" className="mt-0.5 size-5 shrink-0 text-brand-600" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
              <path d="M4.5 10.5l3.5 3.5 7.5-8" />
            </svg>
            <div>
              <p className="font-semibold">{text.successTitle}</p>
              <p className="mt-1 text-sm leading-6">{text.success}</p>
            </div>
          </div>
        )}
      </div>

      {!sent && (
        <form noValidate onSubmit={submit} className="mt-3">
          <p className="text-sm leading-6 text-ink-600">{text.intro}</p>
          <div className="mt-4">
            <label htmlFor={`${id}-reference`} className="block text-sm font-semibold text-ink-800">
              {text.reference}
            </label>
            <p id={`${id}-reference-hint`} className="mb-1.5 text-xs text-ink-500">
              {text.referenceHint}
            </p>
            <input {...fieldProps('reference', text.referenceHint)} dir="ltr" inputMode="numeric" autoComplete="off" maxLength={40} />
            {fieldError('reference')}
          </div>
          <div className="mt-4 grid grid-cols-2 gap-3">
            <div className="flex flex-col">
              <label htmlFor={`${id}-card_last4`} className="block text-sm font-semibold text-ink-800">
                {text.cardLast4}
              </label>
              <p id={`${id}-card_last4-hint`} className="mb-1.5 text-xs text-ink-500">
                {text.cardLast4Hint}
              </p>
              <input {...fieldProps('card_last4', text.cardLast4Hint)} dir="ltr" inputMode="numeric" autoComplete="off" maxLength={4} />
            </div>
            <div className="flex flex-col">
              <label htmlFor={`${id}-paid_at`} className="block text-sm font-semibold text-ink-800">
                {text.paidAt}
              </label>
              <p className="mb-1.5 text-xs text-ink-500">{text.optional}</p>
              <input {...fieldProps('paid_at')} type="time" dir="ltr" />
            </div>
          </div>
          {fieldError('card_last4')}
          {fieldError('paid_at')}
          <div aria-live="polite">
            {errors.form && (
              <p className="mt-4 rounded-xl bg-red-50 px-3.5 py-2.5 text-sm font-medium text-red-800 ring-1 ring-red-200">{errors.form}</p>
            )}
          </div>
          <button
            type="submit"
            disabled={submitting}
            className="mt-4 flex min-h-12 w-full items-center justify-center gap-2 rounded-xl bg-brand-700 px-5 font-semibold text-white shadow-sm transition-colors hover:bg-brand-800 disabled:cursor-wait disabled:opacity-75"
          >
            {submitting && <span aria-hidden="true" className="size-4 rounded-full border-2 border-white/40 border-t-white motion-safe:animate-spin" />}
            {submitting ? text.submitting : text.submit}
          </button>
        </form>
      )}
    </section>
  );
}
