import { beforeAll, describe, expect, it, vi } from 'vitest';
import { GET as exportRoute } from '@/app/(dashboard)/dashboard/transactions/export/route';
import { findCurrentMerchant, type Merchant } from '@/lib/dashboard/current-merchant';
import { exportTransactionsCsv, TRANSACTION_CSV_COLUMNS } from '@/lib/transactions/export-transactions-csv';
import { newCard, newShop, newTransaction, registerMerchant } from '../fixtures';
import { setupTestDatabase } from '../test-database';

// The dashboard session comes from an Auth.js cookie; here the signed-in merchant is set directly.
vi.mock('@/lib/dashboard/current-merchant', () => ({ findCurrentMerchant: vi.fn() }));
const signIn = (merchant: Merchant | undefined) => vi.mocked(findCurrentMerchant).mockResolvedValue(merchant);

setupTestDatabase();

/** RFC 4180 records (quoted fields with commas, quotes and line breaks), enough to read the export back. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted && c === '"' && text[i + 1] === '"') {
      field += '"';
      i += 1;
    } else if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && c === ',') {
      record.push(field);
      field = '';
    } else if (!quoted && c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 1;
    } else {
      field += c;
    }
  }
  return records;
}

async function exportCsv(query: string) {
  const response = await exportRoute(new Request(`http://kpay.test/dashboard/transactions/export?${query}`));
  const bytes = new Uint8Array(await response.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  return { response, bytes, text };
}

/** The export as objects keyed by column, after checking the BOM and the header. */
function rowsOf(text: string): Record<string, string>[] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  const [header, ...records] = parseCsv(text.slice(1));
  expect(header).toEqual([...TRANSACTION_CSV_COLUMNS]);
  return records.map((r) => Object.fromEntries(header!.map((name, i) => [name, r[i]!])));
}

/** A merchant as the dashboard session shows it, a card, and shops and transactions made on demand. */
async function merchantWithShops(name: string) {
  const m = await registerMerchant({ name });
  const merchant: Merchant = { principal: m.principal, name, mobile: m.mobile, merchantId: 'test' };
  const shop = (shopName: string) => newShop(m, { name: shopName });
  const card = await newCard(m);
  const create = (shopRow: { id: string; api_key: string }, amount: number, factor_number?: string) => newTransaction(m, { shop: shopRow, card, amount, factor_number });
  return { ...m, merchant, shop, create };
}

describe('transaction CSV export', () => {
  let a: Awaited<ReturnType<typeof merchantWithShops>>;
  let b: Awaited<ReturnType<typeof merchantWithShops>>;
  let mainShop: { id: string; api_key: string };
  let otherShop: { id: string; api_key: string };
  let cancelled: { id: string; authority: string };
  let injected: { id: string; authority: string };
  let bOnly: { id: string };

  beforeAll(async () => {
    a = await merchantWithShops('Merchant A');
    b = await merchantWithShops('Merchant B');
    mainShop = await a.shop('Shop, "One"');
    otherShop = await a.shop('فروشگاه دوم');
    // More than one batch of 100 through the route, with distinct amounts (pending sums are unique per merchant).
    for (let i = 0; i < 103; i += 1) await a.create(mainShop, 100_000 + i * 10_000, `INV-${i}`);
    injected = await a.create(otherShop, 77_000, '=HYPERLINK("http://evil.example")');
    cancelled = await a.create(otherShop, 88_000, 'INV-cancel');
    expect((await a.call('POST', `/api/transactions/${cancelled.id}/cancel`, { token: a.access_token })).status).toBe(200);
    bOnly = await b.create(await b.shop('B shop'), 100_000, 'INV-0');
  }, 120_000);

  it('answers 401 and no data without a dashboard session', async () => {
    signIn(undefined);
    const { response, text } = await exportCsv('');
    expect(response.status).toBe(401);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('streams every matching row past one batch, as UTF-8 with a BOM, and none of another merchant', async () => {
    signIn(a.merchant);
    const { response, bytes, text } = await exportCsv('');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="kpay-transactions-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows = rowsOf(text);
    expect(rows).toHaveLength(105);
    expect(new Set(rows.map((r) => r.id)).size).toBe(105);
    expect(rows.map((r) => r.id)).not.toContain(bOnly.id);
    // Newest first, exact integers and ISO UTC times.
    expect(rows[0]).toMatchObject({ id: cancelled.id, shop: 'فروشگاه دوم', factor_number: 'INV-cancel', amount: '88000', status: 'cancelled', paid_late: 'false', paid_via: '', paid_at: '' });
    expect(rows[0]!.fee).toMatch(/^\d+$/);
    expect(rows[0]!.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    const first = rows.find((r) => r.factor_number === 'INV-0')!;
    expect(first).toMatchObject({ shop: 'Shop, "One"', amount: '100000', status: 'pending' });
    expect(Number(first.final_amount)).toBeGreaterThanOrEqual(100_000);
    // A formula in a factor number reaches the spreadsheet as text.
    expect(rows.find((r) => r.id === injected.id)!.factor_number).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it('applies the list filters: shop, status, search, dates; paging parameters do not cut the export', async () => {
    signIn(a.merchant);
    const ids = async (query: string) => rowsOf((await exportCsv(query)).text).map((r) => r.id);
    expect(await ids(`shop_id=${otherShop.id}`)).toEqual([cancelled.id, injected.id]);
    expect(await ids('status=cancelled')).toEqual([cancelled.id]);
    expect(await ids(`search=${injected.authority}`)).toEqual([injected.id]);
    expect(await ids('search=INV-0')).toHaveLength(1);
    expect(await ids('to=2020-01-01')).toEqual([]);
    const today = new Date().toISOString().slice(0, 10);
    expect(await ids(`status=pending&from=${today}&shop_id=${mainShop.id}&page=3&per_page=5`)).toHaveLength(103);
    // Another merchant's shop filters down to nothing.
    signIn(b.merchant);
    expect(await ids(`shop_id=${mainShop.id}`)).toEqual([]);
  });

  it('answers invalid filters with 422 in the API error shape', async () => {
    signIn(a.merchant);
    const { response, text } = await exportCsv('status=lost&from=yesterday&shop_id=');
    expect(response.status).toBe(422);
    const body = JSON.parse(text);
    expect(body.error.code).toBe('validation_failed');
    expect(Object.keys(body.error.fields).sort()).toEqual(['from', 'status']);
  });

  it('writes each row once when a transaction is created between batches', async () => {
    const csv = await exportTransactionsCsv(a.merchant.principal, { shop_id: mainShop.id }, { batchSize: 10 });
    expect(csv.total).toBe(103);
    let text = (await csv.chunks.next()).value! + (await csv.chunks.next()).value!;
    // Newest first: the new row takes the top place and pushes every later page one row down.
    await a.create(mainShop, 99_990_000, 'INV-late');
    for await (const chunk of csv.chunks) text += chunk;
    const rows = rowsOf(text);
    expect(rows).toHaveLength(103);
    expect(new Set(rows.map((r) => r.id)).size).toBe(103);
    expect(rows.map((r) => r.factor_number)).not.toContain('INV-late');
  });
});
