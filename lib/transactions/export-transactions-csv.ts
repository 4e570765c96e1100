import { AppError } from '@/lib/errors';
import type { Principal } from '@/lib/auth/principal';
import { listShops } from '@/lib/shops/list-shops';
import { listTransactions } from './list-transactions';
import type { TransactionListQuery } from './parse-transaction-filters';
import type { TransactionResponse } from './schemas';

export const TRANSACTION_CSV_COLUMNS = [
  'id',
  'authority',
  'shop',
  'factor_number',
  'amount',
  'fee',
  'final_amount',
  'status',
  'paid_late',
  'paid_via',
  'created_at',
  'paid_at',
  'verified_at',
] as const;

/** Each batch is one page of listTransactions at its largest page size. */
const BATCH_SIZE = 100;

/**
 * The most rows one export writes: about 10 MB of CSV and 500 batches. A merchant with more narrows the dates (the
 * page says so before offering the link); integrations page through GET /api/transactions instead.
 */
export const MAX_EXPORT_ROWS = 50_000;

type CsvValue = string | number | boolean | null;

// A spreadsheet runs a cell starting with one of these as a formula (CSV injection, OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a quote, comma or line break, quotes doubled. Text that a
 * spreadsheet would run as a formula gets a leading apostrophe, so a buyer-chosen factor number or a shop name
 * cannot execute in the merchant's Excel. Numbers are ours and written as they are.
 */
export function csvField(value: CsvValue): string {
  if (value === null) return '';
  const text = typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record with its CRLF line end. */
export const csvRecord = (values: readonly CsvValue[]): string => `${values.map(csvField).join(',')}\r\n`;

/** A transaction in TRANSACTION_CSV_COLUMNS order: integer Rials, ISO-8601 UTC times. */
function transactionValues(tx: TransactionResponse, shopName: string | undefined): CsvValue[] {
  return [
    tx.id,
    tx.authority,
    shopName ?? tx.shop_id,
    tx.factor_number,
    tx.amount,
    tx.fee,
    tx.final_amount,
    tx.status,
    tx.paid_late,
    tx.paid_via,
    tx.created_at,
    tx.paid_at,
    tx.verified_at,
  ];
}

export interface TransactionsCsv {
  /** How many transactions matched when the export started. */
  total: number;
  /** The file in pieces: a UTF-8 byte order mark and the header first (Excel then reads Persian text), then one piece per batch. */
  chunks: AsyncGenerator<string, void, undefined>;
}

/**
 * Every transaction of the caller that matches `filters`, newest first, as CSV, read in batches through
 * listTransactions (the same filters and scope as the list). The first batch is read before this returns, so too
 * many rows or a failing database is an error answer, not a cut-off download.
 *
 * Batches are pages: a transaction created during the export pushes older rows one place down, which would repeat a
 * row at the next page's start, so rows already written are skipped.
 */
export async function exportTransactionsCsv(
  principal: Principal,
  filters: Omit<TransactionListQuery, 'page' | 'per_page'>,
  { batchSize = BATCH_SIZE }: { batchSize?: number } = {},
): Promise<TransactionsCsv> {
  // Counted up to one past the export's limit, so "too many" is known whatever the list's own cap.
  const batch = (page: number) => listTransactions(principal, { ...filters, page, per_page: batchSize }, { countCap: MAX_EXPORT_ROWS + 1 });
  const [first, { shops }] = await Promise.all([batch(1), listShops(principal)]);
  if (first.total > MAX_EXPORT_ROWS) {
    throw new AppError('validation_failed', `${first.total} transactions match; one export holds at most ${MAX_EXPORT_ROWS}. Narrow the dates.`);
  }
  const shopNames = new Map(shops.map((shop) => [shop.id, shop.name]));

  async function* chunks(): AsyncGenerator<string, void, undefined> {
    yield `\uFEFF${csvRecord(TRANSACTION_CSV_COLUMNS)}`;
    const written = new Set<string>();
    for (let page = 1; ; page += 1) {
      const rows = page === 1 ? first.transactions : (await batch(page)).transactions;
      let text = '';
      for (const tx of rows) {
        if (written.has(tx.id) || written.size >= MAX_EXPORT_ROWS) continue;
        written.add(tx.id);
        text += csvRecord(transactionValues(tx, shopNames.get(tx.shop_id)));
      }
      if (text) yield text;
      if (rows.length < batchSize || written.size >= MAX_EXPORT_ROWS) return;
    }
  }

  return { total: first.total, chunks: chunks() };
}
