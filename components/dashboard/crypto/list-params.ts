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

/** What a filtered list page reads from its URL. */
export interface FilterParams<F extends string, Q> {
  /** For the list function: the valid fields only; the rest take their defaults. */
  query: Q;
  /** The valid filters as read, for the form's values and for links that keep them (pages). */
  params: Partial<Record<F, string>>;
  /** Fields given in the URL but not valid: left out of the query, named in a notice above the form. */
  invalid: (F | 'page')[];
}

export type CryptoListParams = FilterParams<CryptoFilterField, z.output<typeof listCryptoPaymentsQuery>>;

/**
 * A list's filters and page from the page's URL, read with readSearchParams and the API's own schema (`schema` holds
 * the filter fields and `page`): a field that is missing or invalid gets its default (no filter, page 1) while the
 * others still apply, so a stale or hand-edited URL shows the list, not an error. Empty fields (a GET form sends
 * `status=` for "all") are no filter and not an error. `refuse` drops a value the schema would take but the list
 * cannot use; it is named as invalid like the others.
 */
export function readFilterParams<S extends z.ZodObject, F extends string>(
  raw: SearchParams,
  schema: S,
  fields: readonly F[],
  refuse?: (field: F, value: string) => boolean,
): Omit<FilterParams<F, unknown>, 'query'> & { read: z.output<S> } {
  const safe = { ...raw };
  for (const field of fields) {
    const value = firstValue(raw[field]);
    if (value !== undefined && refuse?.(field, value)) delete safe[field];
  }
  const read = readSearchParams(safe, schema);

  const params: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const value = (read as Record<string, unknown>)[field];
    if (value !== undefined) params[field] = String(value);
  }
  const page = schema.shape.page as z.ZodType;
  const invalid = [...fields, 'page' as const].filter((field) => {
    const given = firstValue(raw[field])?.trim();
    if (!given) return false;
    return field === 'page' ? !page.safeParse(given).success : params[field as F] === undefined;
  });
  return { read, params, invalid };
}

// A control character (U+0000 above all, which PostgreSQL text cannot hold) never names an order: refused here rather
// than failing the query.
const CONTROL = /\p{Cc}/u;

/** The crypto list's filters from the page's URL (readFilterParams), an order id with a control character refused. */
export function readCryptoListParams(raw: SearchParams): CryptoListParams {
  const { read, params, invalid } = readFilterParams(raw, listParams, CRYPTO_FILTER_FIELDS, (field, value) => field === 'order_id' && CONTROL.test(value));
  return { query: { ...read, per_page: CRYPTO_PER_PAGE }, params, invalid };
}
