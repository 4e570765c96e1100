import { describe, expect, it } from 'vitest';
import { filterQuery } from './filter-query';

describe('filterQuery', () => {
  it('keeps the named filters that have a value, in the order named', () => {
    expect(filterQuery({ status: 'paid', shop_id: 's1', search: '' }, ['shop_id', 'status', 'search']).toString()).toBe('shop_id=s1&status=paid');
  });

  it('leaves out what is not a filter (the page) and is empty without filters', () => {
    const params: Partial<Record<'status' | 'page', string>> = { page: '3' };
    expect(filterQuery(params, ['status']).size).toBe(0);
  });
});
