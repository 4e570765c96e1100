import type { ReactNode } from 'react';

/** The panel of what to pay, with the countdown ring in its top corner; named by its heading (CountdownPanelHead). */
export function CountdownPanel({ headingId, countdown, children }: { headingId: string; countdown: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={headingId} className="relative rounded-3xl bg-white p-5 shadow-sm ring-1 ring-ink-200">
      <div className="absolute end-4 top-4">{countdown}</div>
      {children}
    </section>
  );
}

/** The panel's heading and what stands beside the ring; the padding keeps them clear of it. */
export function CountdownPanelHead({ headingId, label, children }: { headingId: string; label: string; children: ReactNode }) {
  return (
    <div className="min-h-21 pe-24">
      <h2 id={headingId} className="text-sm font-medium text-ink-600">
        {label}
      </h2>
      {children}
    </div>
  );
}
