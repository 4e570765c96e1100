'use client';

import { useEffect, useState } from 'react';

export interface CopyButtonText {
  label: string;
  copied: string;
  failed: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // No Clipboard API: older in-app browsers, and plain-http installs (it needs a secure context).
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    try {
      return document.execCommand('copy');
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

/** One tap copies `value` (ASCII digits, no separators) and says so for two seconds, visibly and to screen readers. */
export function CopyButton({ value, text, className = '' }: { value: string; text: CopyButtonText; className?: string }) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const reset = window.setTimeout(() => setState('idle'), 2000);
    return () => window.clearTimeout(reset);
  }, [state]);

  const feedback = state === 'copied' ? text.copied : state === 'failed' ? text.failed : '';

  return (
    <>
      <button
        type="button"
        onClick={async () => setState((await copyToClipboard(value)) ? 'copied' : 'failed')}
        className={`inline-flex min-h-11 shrink-0 items-center justify-center gap-1.5 rounded-xl px-3.5 text-sm font-semibold transition-colors ${className}`}
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4.5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
          {state === 'copied' ? (
            <path d="M4.5 10.5l3.5 3.5 7.5-8" />
          ) : (
            <>
              <rect x="6.5" y="6.5" width="10" height="10" rx="2" />
              <path d="M13.5 6.5V5a1.5 1.5 0 0 0-1.5-1.5H5A1.5 1.5 0 0 0 3.5 5v7A1.5 1.5 0 0 0 5 13.5h1.5" />
            </>
          )}
        </svg>
        {state === 'idle' ? text.label : feedback}
      </button>
      <span aria-live="polite" className="sr-only">
        {feedback}
      </span>
    </>
  );
}
