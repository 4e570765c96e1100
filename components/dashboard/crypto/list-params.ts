import type { z } from 'zod';
import { listCryptoPaymentsQuery } from '@/lib/crypto-payments/schemas';
import { firstValue, readSearchParams, type SearchParams } from '@/lib/dashboard/search-params';

/** Payments per page of the dashboard list. */
export const CRYPTO_PER_PAGE = 20;

/** The parameters that narrow the list (as opposed to paging through it), in the order the form shows them. */
export const CRYPTO_FILTER_FIELDS = ['order_id', 'shop_id', 'currency', 'status'] as const;
export type CryptoFilterField = (typeof CRYPTO_FILTER_FIELDS)[number];

/** What the list page reads from its URL: the filters and the page, with the API's own rules. */
const listParams = listCryptoPaymentsQuery.pick({ order_id: true, shop_id: true, currency: true, status: true, page: true });

export interface CryptoListParams {
  /** For listCryptoPayments: the valid fields only; the rest take their defaults. */
  query: z.output<typeof listCryptoPaymentsQuery>;
  /** The valid filters as read, for the form's values and for links that keep them (pages). */
  params: Partial<Record<CryptoFilterField, string>>;
  /** Fields given in the URL but not valid: left out of the query, named in a notice above the form. */
  invalid: (CryptoFilterField | 'page')[];
}

// A control character (U+0000 above all, which PostgreSQL text cannot hold) never names an order: refused here rather
// than failing the query.
const CONTROL = /\p{Cc}/u;

/**
 * The crypto list's filters from the page's URL, read with readSearchParams: a field that is missing or invalid gets its
 * default (no filter, page 1) while the others still apply, so a stale or hand-edited URL shows the list, not an error.
 * Empty fields (a GET form sends `status=` for "all") are no filter and not an error.
 */
export function readCryptoListParams(raw: SearchParams): CryptoListParams {
  const orderId = firstValue(raw.order_id);
  const safe = orderId !== undefined && CONTROL.test(orderId) ? { ...raw, order_id: undefined } : raw;
  const read = readSearchParams(safe, listParams);

  const params: CryptoListParams['params'] = {};
  for (const field of CRYPTO_FILTER_FIELDS) if (read[field] !== undefined) params[field] = String(read[field]);
  const invalid = ([...CRYPTO_FILTER_FIELDS, 'page'] as const).filter((field) => {
    const given = firstValue(raw[field])?.trim();
    if (!given) return false;
    return field === 'page' ? !listParams.shape.page.safeParse(given).success : params[field] === undefined;
  });
  return { query: { ...read, per_page: CRYPTO_PER_PAGE }, params, invalid };
}
