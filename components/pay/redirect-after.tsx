'use client';

import { useEffect } from 'react';

/** Sends the buyer on to `href` (back to the shop, once paid) after a short pause; renders nothing itself. */
export function RedirectAfter({ href, delayMs = 2_000 }: { href: string; delayMs?: number }) {
  useEffect(() => {
    // replace(): the back button then skips this page instead of landing here and being sent on again.
    const timer = window.setTimeout(() => window.location.replace(href), delayMs);
    return () => window.clearTimeout(timer);
  }, [href, delayMs]);
  return null;
}
