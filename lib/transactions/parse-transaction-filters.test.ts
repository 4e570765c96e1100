import { describe, expect, it } from 'vitest';
import { parseTransactionFilters } from './parse-transaction-filters';

const SHOP = '7b0f6a8e-4a51-4c5e-9d0a-2f0c9f1b2a11';

describe('parseTransactionFilters', () => {
  it('reads valid filters with the API defaults for paging', () => {
    const { query, params, invalid } = parseTransactionFilters({ shop_id: SHOP, status: 'paid', search: ' INV-7 ', page: '2' });
    expect(query).toEqual({ shop_id: SHOP, status: 'paid', search: 'INV-7', page: 2, per_page: 20 });
    expect(params).toEqual({ shop_id: SHOP, status: 'paid', search: 'INV-7', page: '2' });
    expect(invalid).toEqual({});
  });

  it('treats empty fields (a GET form sends "status=" for all) as no filter', () => {
    const { query, invalid } = parseTransactionFilters(new URLSearchParams('shop_id=&status=&from=&to=&search=+'));
    expect(query).toEqual({ page: 1, per_page: 20 });
    expect(invalid).toEqual({});
  });

  it('drops and names each invalid field while the valid ones still apply', () => {
    const { query, params, invalid } = parseTransactionFilters({ shop_id: 'shop-1', status: 'lost', from: '2026-02-30', search: 'INV-7', per_page: '500' });
    expect(Object.keys(invalid).sort()).toEqual(['from', 'per_page', 'shop_id', 'status']);
    expect(query).toEqual({ search: 'INV-7', page: 1, per_page: 20 });
    expect(params).toEqual({ search: 'INV-7' });
  });

  it('refuses NUL characters instead of sending them to the database', () => {
    const { query, invalid } = parseTransactionFilters({ search: 'INV\u00007' });
    expect(invalid).toHaveProperty('search');
    expect(query.search).toBeUndefined();
  });

  it('takes the first of a repeated parameter', () => {
    expect(parseTransactionFilters({ status: ['expired', 'paid'] }).query.status).toBe('expired');
  });

  it('reads picked days as whole days in Iran, "to" included', () => {
    const { query, params } = parseTransactionFilters({ from: '2026-11-28', to: '2026-11-30' });
    expect(query.from).toBe('2026-11-28T00:00:00+03:30');
    expect(query.to).toBe('2026-12-01T00:00:00+03:30');
    expect(new Date(query.from!).toISOString()).toBe('2026-11-27T20:30:00.000Z');
    // The URL keeps what the merchant picked.
    expect(params).toMatchObject({ from: '2026-11-28', to: '2026-11-30' });
  });

  it('uses the offset Iran had on that day and leaves exact times alone', () => {
    expect(parseTransactionFilters({ from: '2020-07-01' }).query.from).toBe('2020-07-01T00:00:00+04:30');
    expect(parseTransactionFilters({ to: '2026-11-28T10:00:00Z' }).query.to).toBe('2026-11-28T10:00:00Z');
  });
});
