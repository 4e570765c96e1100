import { describe, expect, it } from 'vitest';
import { readWithdrawalListParams } from '@/components/dashboard/withdrawals/list-params';
import { trimDecimal } from './crypto-amount';
import { readCryptoListParams } from './list-params';

describe('readCryptoListParams', () => {
  it('keeps the valid filters, names the invalid ones in the form order, and reads the page', () => {
    const read = readCryptoListParams({ status: 'paid', currency: 'ltc', page: '2', order_id: 'INV-1' });
    expect(read.params).toEqual({ order_id: 'INV-1', currency: 'ltc' });
    expect(read.invalid).toEqual(['status']);
    expect(read.query).toMatchObject({ currency: 'ltc', order_id: 'INV-1', page: 2, per_page: 20 });
    expect(read.query.status).toBeUndefined();
  });

  it('refuses an order id with a control character as invalid, and an empty field is no filter', () => {
    const read = readCryptoListParams({ order_id: 'A\u0000B', status: '', page: 'x' });
    expect(read.params).toEqual({});
    expect(read.invalid).toEqual(['order_id', 'page']);
    expect(read.query).toMatchObject({ page: 1 });
  });
});

describe('readWithdrawalListParams', () => {
  it('reads status and currency with the API schema; a bad value is named and ignored', () => {
    expect(readWithdrawalListParams({ status: 'cancelled', currency: 'eth' })).toMatchObject({ params: { status: 'cancelled', currency: 'eth' }, invalid: [] });
    const read = readWithdrawalListParams({ status: 'paid', currency: ['btc', 'eth'] });
    expect(read.params).toEqual({ currency: 'btc' });
    expect(read.invalid).toEqual(['status']);
    expect(read.query).toMatchObject({ currency: 'btc', page: 1, per_page: 20 });
  });
});

describe('trimDecimal', () => {
  it('drops the zeros a fraction ends in, never a digit of the value', () => {
    expect(trimDecimal('125.500000')).toBe('125.5');
    expect(trimDecimal('0.00000000')).toBe('0');
    expect(trimDecimal('100.000000000000000000')).toBe('100');
    expect(trimDecimal('100')).toBe('100');
    expect(trimDecimal('0.000000000000000001')).toBe('0.000000000000000001');
  });
});
