import { describe, expect, it } from 'vitest';
import type { cryptoDeposits, cryptoPayments } from '@/db/schema';
import { paymentFromDeposits } from './settle-crypto-payment';

type Payment = typeof cryptoPayments.$inferSelect;
type Deposit = typeof cryptoDeposits.$inferSelect;

const created = new Date('2026-12-01T10:00:00Z');
const expires = new Date('2026-12-01T11:00:00Z');
const payment = (over: Partial<Payment> = {}): Payment =>
  ({ id: 'p', currency: 'ltc', requestedAmount: 1000n, status: 'created', expiresAt: expires, paidAt: null, createdAt: created, ...over }) as Payment;
let n = 0;
const deposit = (amount: bigint, over: Partial<Deposit> = {}): Deposit =>
  ({ id: `d${++n}`, txHash: `tx${n}`, currency: 'ltc', amount, status: 'seen', blockHeight: null, confirmations: 0, seenAt: new Date('2026-12-01T10:10:00Z'), ...over }) as Deposit;
const now = new Date('2026-12-01T10:30:00Z');

describe('paymentFromDeposits', () => {
  it('leaves a payment without deposits where it is, and takes one whose deposits vanished back to created', () => {
    expect(paymentFromDeposits(payment(), [], now).status).toBeNull();
    expect(paymentFromDeposits(payment({ status: 'expired' }), [], now).status).toBeNull();
    expect(paymentFromDeposits(payment({ status: 'confirming' }), [deposit(1000n, { status: 'orphaned' })], now)).toMatchObject({ status: 'created', received: 0n });
  });

  it('is pending when seen in the mempool, confirming in a block, completed when every deposit is confirmed', () => {
    expect(paymentFromDeposits(payment(), [deposit(1000n)], now)).toMatchObject({ status: 'pending', received: 1000n, paidAt: now });
    expect(paymentFromDeposits(payment(), [deposit(1000n, { blockHeight: 5, confirmations: 2 })], now)).toMatchObject({ status: 'confirming', confirmations: 2 });
    expect(paymentFromDeposits(payment(), [deposit(1000n, { blockHeight: 5, confirmations: 6, status: 'confirmed' })], now).status).toBe('completed');
  });

  it('flags underpaid (and stays pending) below the amount, overpaid above, completed only when covered and confirmed', () => {
    const under = paymentFromDeposits(payment(), [deposit(400n, { status: 'confirmed', blockHeight: 3, confirmations: 9 })], now);
    expect(under).toMatchObject({ status: 'pending', underpaid: true, overpaid: false, paidAt: null });
    const toppedUp = paymentFromDeposits(payment({ status: 'pending' }), [deposit(400n, { status: 'confirmed', blockHeight: 3, confirmations: 7 }), deposit(600n, { blockHeight: 9, confirmations: 1 })], now);
    expect(toppedUp).toMatchObject({ status: 'confirming', underpaid: false, received: 1000n, confirmations: 1 });
    const over = paymentFromDeposits(payment(), [deposit(1500n, { status: 'confirmed', blockHeight: 3 })], now);
    expect(over).toMatchObject({ status: 'completed', overpaid: true, underpaid: false });
  });

  it('counts only the payment currency; keeps completed (overpaid) and failed as they are when more arrives', () => {
    const wrongToken = paymentFromDeposits(payment({ currency: 'eth' }), [deposit(5000n, { currency: 'usdt_erc20' })], now);
    expect(wrongToken).toMatchObject({ status: null, received: 0n });
    expect(paymentFromDeposits(payment({ status: 'failed' }), [deposit(1000n, { status: 'confirmed' })], now).status).toBeNull();
    const more = paymentFromDeposits(payment({ status: 'completed' }), [deposit(1000n, { status: 'confirmed', blockHeight: 1 }), deposit(5n, { blockHeight: 9 })], now);
    expect(more).toMatchObject({ status: 'completed', overpaid: true });
    // A reorg that takes the confirmed deposit back to the mempool takes the payment back to pending.
    expect(paymentFromDeposits(payment({ status: 'completed' }), [deposit(1000n)], now).status).toBe('pending');
  });

  it('flags paid late when the first deposit came after expiry', () => {
    const late = deposit(1000n, { seenAt: new Date('2026-12-01T11:05:00Z') });
    expect(paymentFromDeposits(payment({ status: 'expired' }), [late], now)).toMatchObject({ status: 'pending', paidLate: true });
    expect(paymentFromDeposits(payment(), [deposit(1000n)], now).paidLate).toBe(false);
  });
});
