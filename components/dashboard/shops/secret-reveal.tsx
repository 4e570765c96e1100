'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

/**
 * A secret the server returns once (a shop's API key, a webhook's signing secret) or on request (the shop's own
 * signing secret): in a region named after it, in a `<code>` marked with `data-secret` for tests, with a copy button
 * and a warning (that it will not be shown again, or how to keep it).
 * It takes the focus when it appears, so keyboard and screen-reader users land on it rather than on a vanished form.
 */
export function SecretReveal({
  kind,
  label,
  title,
  warning,
  value,
  onDone,
  doneLabel,
  children,
}: {
  kind: 'api-key' | 'webhook-secret' | 'shop-webhook-secret';
  /** The region's accessible name: "API key", "Signing secret". */
  label: string;
  title: string;
  warning: string;
  value: string;
  onDone: () => void;
  /** The button that closes it; "I have saved it" unless the secret can be shown again. */
  doneLabel?: string;
  /** What to do next, e.g. a link to the new shop. */
  children?: ReactNode;
}) {
  const t = useTranslations('shops');
  const tc = useTranslations('common');
  const titleRef = useRef<HTMLHeadingElement>(null);
  const warningId = useId();

  useEffect(() => titleRef.current?.focus(), []);

  return (
    <section aria-label={label} aria-describedby={warningId} className="space-y-3 rounded-2xl border-2 border-amber-300 bg-amber-50 p-4">
      <h3 ref={titleRef} tabIndex={-1} className="text-base font-bold text-ink-950">
        {title}
      </h3>
      <div className="flex flex-col gap-2 rounded-xl bg-white p-2 ring-1 ring-amber-200 sm:flex-row sm:items-center">
        <code data-secret={kind} dir="ltr" className="min-w-0 flex-1 px-1.5 py-1 font-mono text-sm leading-6 break-all text-ink-950 select-all">
          {value}
        </code>
        <CopyButton value={value} text={{ label: tc('copy'), copied: tc('copied'), failed: tc('copyFailed') }} className="bg-brand-700 text-white hover:bg-brand-800" />
      </div>
      <p id={warningId} className="flex gap-2 text-sm leading-6 text-amber-900">
        <svg viewBox="0 0 20 20" aria-hidden="true" className="mt-0.5 size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
          <path d="M10 3l8 14H2zM10 8v4M10 14.5v.01" />
        </svg>
        {warning}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {children}
        <Button variant="secondary" onClick={onDone}>
          {doneLabel ?? t('secret.done')}
        </Button>
      </div>
    </section>
  );
}
