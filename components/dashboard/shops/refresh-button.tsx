'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { Button } from '@/components/ui/button';

/** Reads the page's data again without a full reload: deliveries are attempted in the background, after the page was drawn. */
export function RefreshButton({ label }: { label: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <Button variant="ghost" size="sm" disabled={pending} aria-busy={pending} onClick={() => startTransition(() => router.refresh())}>
      <svg viewBox="0 0 20 20" aria-hidden="true" className={`size-4 shrink-0 ${pending ? 'animate-spin' : ''}`} fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
        <path d="M15.5 8A6 6 0 1 0 16 12M16 4v4h-4" />
      </svg>
      {label}
    </Button>
  );
}
