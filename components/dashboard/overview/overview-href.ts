import type { OverviewPeriod } from '@/lib/transactions/summarize-transactions';

/** The overview's own address for a period and an optional shop: the period switch and shop filter are plain links. */
export function overviewHref(period: OverviewPeriod, shopId?: string): string {
  const params = new URLSearchParams({ period });
  if (shopId) params.set('shop', shopId);
  return `/dashboard?${params}`;
}
