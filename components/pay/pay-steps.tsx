import { formatNumber, type Locale } from '@/lib/format/number';

/** The short how-to: open the bank app, card to card, paste card and amount, come back. */
export function PaySteps({ title, steps, locale }: { title: string; steps: string[]; locale: Locale }) {
  return (
    <section aria-labelledby="pay-steps-title" className="rounded-3xl bg-white p-5 shadow-sm ring-1 ring-ink-200">
      <h2 id="pay-steps-title" className="text-lg font-bold text-ink-950">
        {title}
      </h2>
      <ol className="mt-3 space-y-3">
        {steps.map((step, i) => (
          <li key={step} className="flex items-start gap-3">
            <span aria-hidden="true" className="grid size-7 shrink-0 place-items-center rounded-full bg-brand-100 text-sm font-bold text-brand-800">
              {formatNumber(i + 1, locale)}
            </span>
            <span className="pt-0.5 leading-6 text-ink-800">{step}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
