import { describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import type { CurrencyCode } from '@/lib/currencies/currencies';
import { checkLedger } from '@/lib/ledger/check-ledger';
import { move, postLedger } from '@/lib/ledger/post-ledger';
import { approveWithdrawalAsOperator } from '@/lib/withdrawals/approve-withdrawal';
import { newCryptoPayment, newShop, registerMerchant, type TestMerchant } from '../fixtures';
import { reconfigure } from '../reconfigure';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

/**
 * Withdrawal requests (Step 9): reservation from the available balance, never overdrawn, idempotent, validated. The
 * merchant's balance is credited here by a ledger posting as confirmed deposits credit it (chain_in to available):
 * how deposits get there is the chain tests' subject.
 */
async function credit(m: TestMerchant, currency: CurrencyCode, units: bigint) {
  const db = await database();
  await db.transaction((tx) => postLedger(tx, { userId: m.userId, currency, reason: 'test_credit', lines: move('chain_in', 'available', units) }));
}

const LTC = 100_000_000n;
/** A regtest Litecoin address outside KPay's wallet: BIP173's example witness program under the rltc prefix. */
const OUTSIDE_LTC = 'rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7k693xs3';

const request = (m: TestMerchant, body: Record<string, unknown>, key?: string) =>
  m.call('POST', '/api/gateway/withdrawals', { token: m.access_token, body, headers: key ? { 'idempotency-key': key } : {} });
const balance = async (m: TestMerchant, currency: string) =>
  (await m.call('GET', '/api/gateway/balances', { token: m.access_token })).body.balances.find((b: { currency: string }) => b.currency === currency);

describe('POST /gateway/withdrawals', () => {
  it('reserves the amount from the available balance and answers as the contract, pending', async () => {
    const m = await registerMerchant();
    await credit(m, 'ltc', 2n * LTC);
    const res = await request(m, { currency: 'ltc', amount: '0.5', destination_address: OUTSIDE_LTC });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      currency: 'ltc',
      amount: '0.50000000',
      fee: '0.00100000',
      net_amount: '0.49900000',
      destination_address: OUTSIDE_LTC,
      status: 'pending',
      approvals_required: 1,
      tx_hash: null,
    });
    expect(await balance(m, 'ltc')).toMatchObject({ available_balance: '1.50000000', reserved_balance: '0.50000000' });
    expect((await m.call('GET', `/api/gateway/withdrawals/${res.body.id}`, { token: m.access_token })).body).toEqual(res.body);
    const list = await m.call('GET', '/api/gateway/withdrawals?currency=ltc', { token: m.access_token });
    expect(list.body).toMatchObject({ total: 1, withdrawals: [{ id: res.body.id }] });
    expect(await checkLedger(await database())).toEqual([]);
  });

  it('never overdraws: of 100 concurrent requests against a balance that covers 10, exactly 10 are accepted', async () => {
    const m = await registerMerchant();
    await credit(m, 'ltc', 10n * LTC);
    const answers = await Promise.all(
      Array.from({ length: 100 }, () => request(m, { currency: 'ltc', amount: '1', destination_address: OUTSIDE_LTC })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(90);
    expect(answers.find((a) => a.status === 409)!.body.error.code).toBe('insufficient_funds');
    expect(await balance(m, 'ltc')).toMatchObject({ available_balance: '0.00000000', reserved_balance: '10.00000000' });
    expect(await checkLedger(await database())).toEqual([]);
  });

  it('makes one withdrawal of a retried request with the same Idempotency-Key, even at once; another body with it is 409', async () => {
    const m = await registerMerchant();
    await credit(m, 'ltc', 5n * LTC);
    const body = { currency: 'ltc', amount: '1', destination_address: OUTSIDE_LTC };
    const [a, b] = await Promise.all([request(m, body, 'payout-1'), request(m, body, 'payout-1')]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const again = await request(m, body, 'payout-1');
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(a.body.id);
    expect((await request(m, { ...body, amount: '2' }, 'payout-1')).status).toBe(409);
    expect(await balance(m, 'ltc')).toMatchObject({ available_balance: '4.00000000', reserved_balance: '1.00000000' });
  });

  it('is for the signed-in merchant only: an API key gets 403, no credentials 401', async () => {
    const m = await registerMerchant();
    const shop = await newShop(m);
    const body = { currency: 'ltc', amount: '1', destination_address: OUTSIDE_LTC };
    expect((await m.call('POST', '/api/gateway/withdrawals', { apiKey: shop.api_key, body })).status).toBe(403);
    expect((await m.call('GET', '/api/gateway/withdrawals', { apiKey: shop.api_key })).status).toBe(403);
    expect((await m.call('POST', '/api/gateway/withdrawals', { body })).status).toBe(401);
  });

  it('refuses KPay\'s own deposit addresses', async () => {
    const m = await registerMerchant();
    const shop = await newShop(m);
    await credit(m, 'ltc', LTC);
    const payment = await newCryptoPayment(m, shop);
    const res = await request(m, { currency: 'ltc', amount: '0.5', destination_address: payment.deposit_address });
    expect(res.status).toBe(422);
    expect(res.body.error.fields.destination_address).toMatch(/own deposit addresses/);
  });

  it.each([
    ['a mainnet Litecoin address on regtest', 'ltc', 'ltc1qjmxnz78nmc8nq77wuxh25n2es7rzm5c2rkk4wh'],
    ['a bech32 checksum error', 'ltc', 'rltc1qw508d6qejxtdg4y5r3zarvary0c5xw7k693xs4'],
    ['a Bitcoin address for Litecoin', 'ltc', 'bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk'],
    ['an EVM address with a wrong EIP-55 checksum', 'eth', '0x9858effd232B4033E47d90003D41EC34EcaEda94'],
    ['an EVM address of 39 hex digits', 'eth', '0x9858EfFD232B4033E47d90003D41EC34EcaEda9'],
    ['a TRON address with a bad checksum', 'usdt_trc20', 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdJ'],
    ['an EVM address for TRON', 'usdt_trc20', '0x9858EfFD232B4033E47d90003D41EC34EcaEda94'],
    ['an empty address', 'ltc', ' '],
  ])('refuses %s with 422 and reserves nothing', async (_, currency, destination_address) => {
    const m = await registerMerchant();
    await credit(m, currency as CurrencyCode, 10n ** 20n);
    const res = await request(m, { currency, amount: '10', destination_address });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.fields).toHaveProperty('destination_address');
    expect((await balance(m, currency)).reserved_balance).toMatch(/^0\.0+$/);
  });

  it.each([
    ['at most the fee', { amount: '0.001' }, 'amount'],
    ['below the minimum', { amount: '0.0005' }, 'amount'],
    ['more decimals than the currency has', { amount: '0.123456789' }, 'amount'],
    ['a negative amount', { amount: '-1' }, 'amount'],
    ['a number with too many digits for a double', { amount: 0.1234567890123456 }, 'amount'],
    ['a disabled currency', { currency: 'btc', destination_address: 'bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk' }, 'currency'],
    ['a memo where the network has none', { memo: '123' }, 'memo'],
    ['an unknown field', { note: 'x' }, 'note'],
  ])('refuses %s with 422', async (_, over, field) => {
    const m = await registerMerchant();
    await credit(m, 'ltc', LTC);
    const res = await request(m, { currency: 'ltc', amount: '0.5', destination_address: OUTSIDE_LTC, ...over });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.body.error.fields).toHaveProperty(field);
  });

  it('answers 409 insufficient_funds above the available balance, and 400 for an unprintable Idempotency-Key', async () => {
    const m = await registerMerchant();
    await credit(m, 'ltc', LTC);
    const res = await request(m, { currency: 'ltc', amount: '1.5', destination_address: OUTSIDE_LTC });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'insufficient_funds', message: 'Available: 1.00000000 LTC' });
    expect((await request(m, { currency: 'ltc', amount: '0.5', destination_address: OUTSIDE_LTC }, 'x'.repeat(201))).status).toBe(400);
  });
});

describe('POST /gateway/withdrawals/{id}/cancel', () => {
  it('cancels a pending withdrawal and releases the reservation, once; another merchant\'s is 404', async () => {
    const m = await registerMerchant();
    await credit(m, 'ltc', LTC);
    const w = (await request(m, { currency: 'ltc', amount: '0.4', destination_address: OUTSIDE_LTC })).body;
    const other = await registerMerchant();
    expect((await other.call('POST', `/api/gateway/withdrawals/${w.id}/cancel`, { token: other.access_token })).status).toBe(404);
    expect((await other.call('GET', `/api/gateway/withdrawals/${w.id}`, { token: other.access_token })).status).toBe(404);
    const cancelled = await m.call('POST', `/api/gateway/withdrawals/${w.id}/cancel`, { token: m.access_token });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect(await balance(m, 'ltc')).toMatchObject({ available_balance: '1.00000000', reserved_balance: '0.00000000' });
    const again = await m.call('POST', `/api/gateway/withdrawals/${w.id}/cancel`, { token: m.access_token });
    expect(again.status).toBe(409);
    expect(await balance(m, 'ltc')).toMatchObject({ available_balance: '1.00000000' });
    expect(await checkLedger(await database())).toEqual([]);
  });
});

describe('approval', () => {
  it('needs the merchant to confirm by default; above the operator limit an operator too', async () => {
    const m = await registerMerchant();
    await credit(m, 'ltc', 100n * LTC);
    const w = (await request(m, { currency: 'ltc', amount: '1', destination_address: OUTSIDE_LTC })).body;
    expect(w).toMatchObject({ status: 'pending', approvals_required: 1 });
    const approved = await m.call('POST', `/api/gateway/withdrawals/${w.id}/approve`, { token: m.access_token });
    expect(approved.status).toBe(200);
    expect(approved.body.status).toBe('approved');
    expect((await m.call('POST', `/api/gateway/withdrawals/${w.id}/approve`, { token: m.access_token })).status).toBe(409);
    expect((await m.call('POST', `/api/gateway/withdrawals/${w.id}/cancel`, { token: m.access_token })).status).toBe(409);

    reconfigure({ KPAY_WITHDRAWAL_OPERATOR_ABOVE: 'ltc:10', KPAY_WITHDRAWAL_AUTO_APPROVE_BELOW: 'ltc:0.5' });
    try {
      const big = (await request(m, { currency: 'ltc', amount: '20', destination_address: OUTSIDE_LTC })).body;
      expect(big.approvals_required).toBe(2);
      expect((await m.call('POST', `/api/gateway/withdrawals/${big.id}/approve`, { token: m.access_token })).body.status).toBe('pending');
      expect((await approveWithdrawalAsOperator(big.id)).status).toBe('approved');
      await expect(approveWithdrawalAsOperator(big.id)).rejects.toThrow(/No pending withdrawal/);
      const small = (await request(m, { currency: 'ltc', amount: '0.2', destination_address: OUTSIDE_LTC })).body;
      expect(small.approvals_required).toBe(0);
    } finally {
      reconfigure({ KPAY_WITHDRAWAL_OPERATOR_ABOVE: undefined, KPAY_WITHDRAWAL_AUTO_APPROVE_BELOW: undefined });
    }
    const other = await registerMerchant();
    expect((await other.call('POST', `/api/gateway/withdrawals/${w.id}/approve`, { token: other.access_token })).status).toBe(404);
  });
});

describe('TRON withdrawals (no sender yet)', () => {
  it('stay pending after the merchant confirms, so they can still be cancelled and nothing is stuck', async () => {
    const m = await registerMerchant();
    await credit(m, 'usdt_trc20', 100_000_000n);
    const w = (await request(m, { currency: 'usdt_trc20', amount: '50', destination_address: 'TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK' })).body;
    expect(w.status).toBe('pending');
    const confirmed = await m.call('POST', `/api/gateway/withdrawals/${w.id}/approve`, { token: m.access_token });
    expect(confirmed.body.status).toBe('pending');
    const cancelled = await m.call('POST', `/api/gateway/withdrawals/${w.id}/cancel`, { token: m.access_token });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await balance(m, 'usdt_trc20')).toMatchObject({ available_balance: '100.000000', reserved_balance: '0.000000' });
  });
});

