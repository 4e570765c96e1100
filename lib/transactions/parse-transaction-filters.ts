import type { z } from 'zod';
import { DISPLAY_TIME_ZONE } from '@/lib/format/date';
import { listTransactionsQuery } from './schemas';

export type TransactionListQuery = z.output<typeof listTransactionsQuery>;
export type TransactionFilterField = keyof TransactionListQuery;

const FIELDS = Object.keys(listTransactionsQuery.shape) as TransactionFilterField[];

export interface ParsedTransactionFilters {
  /** For listTransactions: the valid fields only, with picked days read as days in Iran. */
  query: TransactionListQuery;
  /** The valid parameters as given, for the form's values and for links that keep them (pages, CSV export). */
  params: Partial<Record<TransactionFilterField, string>>;
  /** Fields that were given but are not valid, with their message; they are left out of `query`. */
  invalid: Partial<Record<TransactionFilterField, string>>;
}

const offsetName = new Intl.DateTimeFormat('en-US', { timeZone: DISPLAY_TIME_ZONE, timeZoneName: 'longOffset' });

/**
 * "2026-11-28" -> "2026-11-28T00:00:00+03:30", the moment that day starts in Iran. The offset is read at noon: Iran's
 * old summer-time switches happened around midnight, and it has had none since 2022.
 */
function startOfDayInIran(day: string): string {
  const name = offsetName.formatToParts(new Date(`${day}T12:00:00Z`)).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
  return `${day}T00:00:00${name === 'GMT' ? 'Z' : name.slice(3)}`;
}

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const isBareDate = (value: string): boolean => !value.includes('T');

const firstValue = (source: URLSearchParams | Record<string, string | string[] | undefined>, key: string): string | undefined => {
  const value = source instanceof URLSearchParams ? source.get(key) : source[key];
  return (Array.isArray(value) ? value[0] : value) ?? undefined;
};

/**
 * The transaction list's filters from a dashboard URL, with the API's own query schema. Empty fields (a GET form
 * sends `status=` for "all") mean no filter; a field that fails validation is reported and dropped while the others
 * still apply, so a mistyped URL narrows nothing instead of failing the page.
 *
 * The API reads a bare `from`/`to` date as a UTC day; a merchant picking "28 November" means the 28th on their own
 * clock (the dashboard shows every time in Iran), so picked days become the day's bounds in Iran here.
 */
export function parseTransactionFilters(source: URLSearchParams | Record<string, string | string[] | undefined>): ParsedTransactionFilters {
  const params: ParsedTransactionFilters['params'] = {};
  const invalid: ParsedTransactionFilters['invalid'] = {};
  for (const field of FIELDS) {
    const value = firstValue(source, field)?.trim();
    if (!value) continue;
    // PostgreSQL text cannot hold U+0000: refused here, as the API refuses it, rather than failing the query.
    if (value.includes('\u0000')) invalid[field] = 'Must not contain NUL characters';
    else params[field] = value;
  }

  const first = listTransactionsQuery.safeParse(params);
  if (!first.success) {
    for (const issue of first.error.issues) {
      const field = String(issue.path[0]) as TransactionFilterField;
      invalid[field] ??= issue.message;
      delete params[field];
    }
  }
  // Every field is validated on its own, so what is left after dropping the failures passes.
  const query = first.success ? first.data : listTransactionsQuery.parse(params);
  if (query.from && isBareDate(query.from)) query.from = startOfDayInIran(query.from);
  if (query.to && isBareDate(query.to)) query.to = startOfDayInIran(nextDay(query.to));
  return { query, params, invalid };
}
