import type { ReactNode } from 'react';
import { CopyButton, type CopyButtonText } from '@/components/ui/copy-button';
import { StatusPanel, type StatusTone } from '../status-panel';
import { STATUS_HEADING_ID } from './crypto-payment-state';

/** One fact about the deposit (received amount, transaction id, time), optionally with a copy button. */
export interface PaymentDetail {
  label: string;
  value: ReactNode;
  /** Shown left to right in monospace and broken anywhere (a transaction id). */
  code?: boolean;
  copy?: { value: string; text: CopyButtonText };
}

function Details({ details }: { details: PaymentDetail[] }) {
  if (details.length === 0) return null;
  return (
    <dl className="mt-5 space-y-3 rounded-2xl bg-ink-50 p-4 text-start text-sm ring-1 ring-ink-200">
      {details.map((detail) => (
        <div key={detail.label}>
          <dt className="text-ink-600">{detail.label}</dt>
          <dd className="mt-0.5">
            <span
              dir={detail.code ? 'ltr' : undefined}
              className={`block font-semibold text-ink-900 ${detail.code ? 'font-mono text-xs leading-5 break-all' : 'tabular-nums'}`}
            >
              {detail.value}
            </span>
            {detail.copy && (
              <CopyButton value={detail.copy.value} text={detail.copy.text} className="mt-1.5 bg-white text-ink-800 ring-1 ring-ink-200 hover:bg-ink-100" />
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Notes({ notes }: { notes: string[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className="mt-4 space-y-2 text-start">
      {notes.map((note) => (
        <li key={note} className="rounded-xl bg-amber-50 px-3.5 py-2.5 text-sm leading-6 text-amber-950 ring-1 ring-amber-200">
          {note}
        </li>
      ))}
    </ul>
  );
}

/**
 * The deposit is on its way (seen, confirming): how many confirmations of how many, as a bar a screen reader reads as
 * "3 of 6", and the deposit's details. No address here: nobody should be tempted to pay twice.
 */
export function ProgressPanel({
  title,
  body,
  confirmations,
  details,
  notes,
}: {
  title: string;
  body: string;
  confirmations: { label: string; count: number; required: number; text: string };
  details: PaymentDetail[];
  notes: string[];
}) {
  const done = Math.min(confirmations.count, confirmations.required);
  const percent = confirmations.required > 0 ? Math.round((done / confirmations.required) * 100) : 100;
  return (
    <StatusPanel tone="progress" title={title} body={body} action={null} headingId={STATUS_HEADING_ID}>
      <div className="mt-6 text-start">
        <div className="flex items-baseline justify-between gap-3 text-sm">
          <span id="crypto-confirmations-label" className="font-medium text-ink-700">
            {confirmations.label}
          </span>
          <span className="font-bold text-brand-800 tabular-nums">{confirmations.text}</span>
        </div>
        <div
          role="progressbar"
          aria-labelledby="crypto-confirmations-label"
          aria-valuemin={0}
          aria-valuemax={confirmations.required}
          aria-valuenow={done}
          aria-valuetext={confirmations.text}
          className="mt-2 h-3 overflow-hidden rounded-full bg-ink-100 ring-1 ring-ink-200"
        >
          <div className="h-full rounded-full bg-brand-600 transition-[width] duration-700 motion-reduce:transition-none" style={{ width: `${percent}%` }} />
        </div>
      </div>
      <Details details={details} />
      <Notes notes={notes} />
    </StatusPanel>
  );
}

/**
 * A final state (completed, expired, failed): what happened, the deposit's details, and the way back to the shop
 * when it gave a callback URL; `after` holds the line under the button (redirecting, or "you can close this page").
 */
export function OutcomePanel({
  tone,
  title,
  body,
  details,
  notes,
  action,
  after,
}: {
  tone: Exclude<StatusTone, 'progress'>;
  title: string;
  body: string;
  details: PaymentDetail[];
  notes: string[];
  action: { href: string; label: string } | null;
  after?: ReactNode;
}) {
  return (
    <StatusPanel tone={tone} title={title} body={body} action={action} after={after} headingId={STATUS_HEADING_ID}>
      <Details details={details} />
      <Notes notes={notes} />
    </StatusPanel>
  );
}

/** Less than asked arrived and the payment is still open: what is missing, above the instructions for the rest. */
export function TopUpNotice({ title, body }: { title: string; body: string }) {
  return (
    <div className="rounded-2xl bg-sky-50 p-4 text-sky-950 ring-1 ring-sky-200">
      <h2 id={STATUS_HEADING_ID} tabIndex={-1} className="font-bold focus:outline-none">
        {title}
      </h2>
      <p className="mt-1 text-sm leading-6">{body}</p>
    </div>
  );
}
