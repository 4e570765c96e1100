import { describe, expect, it } from 'vitest';
import { type CryptoCallbackRow, cryptoCallbackUrl } from './crypto-callback-url';

const ID = '6f1c2d7e-3b4a-4c5d-9e8f-0a1b2c3d4e5f';
const NOW = new Date('2026-11-28T10:00:00Z');

const row = (over: Partial<CryptoCallbackRow> = {}): CryptoCallbackRow => ({
  id: ID,
  orderId: 'INV-42',
  status: 'completed',
  expiresAt: new Date('2026-11-28T11:00:00Z'),
  callbackSuccess: 'https://shop.example/ok?cart=7',
  callbackFailed: 'https://shop.example/failed',
  ...over,
});

describe('cryptoCallbackUrl', () => {
  it("sends a completed payment to callback_success with id, order and status, keeping the shop's parameters", () => {
    expect(cryptoCallbackUrl(row(), true, NOW)).toBe(`https://shop.example/ok?cart=7&payment_id=${ID}&order_id=INV-42&status=completed`);
  });

  it('sends an expired or failed payment to callback_failed', () => {
    expect(cryptoCallbackUrl(row({ status: 'expired' }), false, NOW)).toBe(
      `https://shop.example/failed?payment_id=${ID}&order_id=INV-42&status=expired`,
    );
    expect(cryptoCallbackUrl(row({ status: 'failed' }), false, NOW)).toBe(
      `https://shop.example/failed?payment_id=${ID}&order_id=INV-42&status=failed`,
    );
  });

  it('names the effective status: created past its expiry reads expired before the sweep stores it', () => {
    const due = row({ status: 'created', expiresAt: new Date('2026-11-28T09:59:59Z') });
    expect(new URL(cryptoCallbackUrl(due, false, NOW)!).searchParams.get('status')).toBe('expired');
  });

  it('encodes the order id and replaces parameters of the same name the shop put there', () => {
    const url = cryptoCallbackUrl(
      row({ orderId: 'سفارش #7&x=1', callbackSuccess: 'https://shop.example/ok?status=paid&order_id=forged#top' }),
      true,
      NOW,
    )!;
    const parsed = new URL(url);
    expect(parsed.searchParams.getAll('order_id')).toEqual(['سفارش #7&x=1']);
    expect(parsed.searchParams.getAll('status')).toEqual(['completed']);
    expect(parsed.searchParams.get('x')).toBeNull();
    expect(parsed.hash).toBe('#top');
  });

  it('is null when the shop gave no URL for that outcome', () => {
    expect(cryptoCallbackUrl(row({ callbackSuccess: null }), true, NOW)).toBeNull();
    expect(cryptoCallbackUrl(row({ status: 'expired', callbackFailed: null }), false, NOW)).toBeNull();
  });

  it('is null for a stored URL that does not parse, rather than breaking the page', () => {
    expect(cryptoCallbackUrl(row({ callbackSuccess: 'not a url' }), true, NOW)).toBeNull();
  });
});
