'use client';

import { useId, useState } from 'react';
import type { TestPaymentKind } from '@/lib/sandbox/test-payment-amount';

const KINDS = ['exact', 'under', 'over'] as const satisfies readonly TestPaymentKind[];

export interface SandboxPayText {
  badge: string;
  title: string;
  body: string;
  /** Per button: its name ("Exact amount") and what it sends, in the page's digits ("0.05 LTC"). */
  buttons: Record<TestPaymentKind, { label: string; amount: string }>;
  sending: string;
  /** Per button: what was sent ("Sent 0.05 LTC from the test wallet…"). */
  sent: Record<TestPaymentKind, string>;
  txHash: string;
  hint: string;
  errors: { notAvailable: string; rateLimited: string; node: string; network: string; generic: string };
}

type Outcome =
  | { state: 'idle' }
  | { state: 'sending'; kind: TestPaymentKind }
  | { state: 'sent'; kind: TestPaymentKind; txHash: string }
  | { state: 'failed'; message: string; detail: string | null };

async function errorOf(response: Response): Promise<{ code: string | null; message: string | null }> {
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    return { code: body.error?.code ?? null, message: body.error?.message ?? null };
  } catch {
    return { code: null, message: null };
  }
}

/**
 * The sandbox's "pay from the test wallet" on the hosted crypto page (local test chains only; the page decides): three
 * buttons ask POST /api/sandbox/payments/{id}/pay to send the exact amount, half of it, or one and a half times it.
 * The result (the transaction id) or the refusal is announced; the page's own polling then shows the payment move on.
 */
export function SandboxPay({ id, text }: { id: string; text: SandboxPayText }) {
  const headingId = useId();
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });

  async function pay(kind: TestPaymentKind) {
    if (outcome.state === 'sending') return;
    setOutcome({ state: 'sending', kind });
    try {
      const response = await fetch(`/api/sandbox/payments/${encodeURIComponent(id)}/pay`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ amount: kind }),
      });
      if (response.ok) {
        const { tx_hash } = (await response.json()) as { tx_hash: string };
        setOutcome({ state: 'sent', kind, txHash: tx_hash });
        return;
      }
      const { code, message } = await errorOf(response);
      const summary =
        response.status === 429
          ? text.errors.rateLimited
          : response.status === 404
            ? text.errors.notAvailable
            : code === 'node_unavailable'
              ? text.errors.node
              : text.errors.generic;
      // The API's own words (English, the node's message for a 503) help whoever runs the test chain.
      setOutcome({ state: 'failed', message: summary, detail: response.status === 429 || response.status === 404 ? null : message });
    } catch {
      setOutcome({ state: 'failed', message: text.errors.network, detail: null });
    }
  }

  return (
    <section aria-labelledby={headingId} className="rounded-3xl border-2 border-dashed border-violet-400 bg-violet-50 p-5 text-violet-950">
      <p>
        <span className="inline-flex items-center gap-1.5 rounded-full bg-violet-800 px-2.5 py-0.5 text-xs font-bold tracking-wide text-white">
          <svg viewBox="0 0 16 16" aria-hidden="true" className="size-3.5" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
            <path d="M6 2h4M7 2v4.5L3.2 12.6A1 1 0 0 0 4 14h8a1 1 0 0 0 .8-1.4L9 6.5V2" />
          </svg>
          {text.badge}
        </span>
      </p>
      <h2 id={headingId} className="mt-2 text-lg font-bold">
        {text.title}
      </h2>
      <p className="mt-1 text-sm leading-6">{text.body}</p>
      <div className="mt-4 grid grid-cols-3 gap-2">
        {KINDS.map((kind) => (
          <button
            key={kind}
            type="button"
            onClick={() => pay(kind)}
            className="flex min-h-14 flex-col items-center justify-center gap-0.5 rounded-xl bg-white px-1.5 py-2 text-center text-sm font-semibold text-violet-900 shadow-xs ring-1 ring-violet-300 transition-colors hover:bg-violet-100"
          >
            <span>{text.buttons[kind].label}</span>
            {/* No isolation: in Persian the number stands right of the symbol, as everywhere on the page. */}
            <span className="text-xs font-medium text-ink-700 tabular-nums">{text.buttons[kind].amount}</span>
          </button>
        ))}
      </div>
      {/* Always in the page, so what lands here is announced. */}
      <div role="status" className="text-sm leading-6">
        {outcome.state === 'sending' && <p className="mt-3">{text.sending}</p>}
        {outcome.state === 'sent' && (
          <div className="mt-3 rounded-xl bg-white p-3 ring-1 ring-violet-200">
            <p className="font-semibold">{text.sent[outcome.kind]}</p>
            <p className="mt-1 text-ink-700">{text.txHash}</p>
            <p dir="ltr" translate="no" className="font-mono text-xs leading-5 break-all text-ink-900">
              {outcome.txHash}
            </p>
          </div>
        )}
        {outcome.state === 'failed' && (
          <div className="mt-3 rounded-xl bg-white p-3 text-red-800 ring-1 ring-red-200">
            <p className="font-semibold">{outcome.message}</p>
            {outcome.detail && (
              <p lang="en" dir="ltr" className="mt-1 text-xs leading-5 break-words text-ink-800">
                {outcome.detail}
              </p>
            )}
          </div>
        )}
      </div>
      <p className="mt-3 text-xs leading-5 text-ink-700">{text.hint}</p>
    </section>
  );
}
