import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { database } from '@/db/client';
import { cryptoDeposits, cryptoPaymentEvents, cryptoPayments, ledgerEntries, webhookEvents } from '@/db/schema';
import { createUtxoAdapter } from '@/lib/chains/utxo/utxo-adapter';
import { expireDueCryptoPayments } from '@/lib/crypto-payments/expire-due-crypto-payments';
import { failUnderpaidCryptoPayments } from '@/lib/deposits/fail-underpaid-crypto-payments';
import { scanNetwork } from '@/lib/deposits/scan-network';
import { checkLedger } from '@/lib/ledger/check-ledger';
import { addAmounts, formatAmount, parseAmount } from '@/lib/money';
import { type LitecoinNode, litecoindAvailable, startLitecoind } from '../chains/litecoind';
import { newCryptoPayment, newShop, registerMerchant, type TestCryptoPayment, type TestMerchant, type TestShop } from '../fixtures';
import { setupTestDatabase } from '../test-database';
import { workerProcesses } from '../worker-processes';

const testDb = setupTestDatabase();
const startWorker = workerProcesses(testDb.url);

/**
 * The deposit watcher against a real Litecoin Core node on regtest (litecoind 0.21, started on a free loopback port
 * with a temporary data folder): payments are paid by the node's own wallet, blocks are mined on demand, reorgs made
 * with invalidateblock. Litecoin needs 6 confirmations by default.
 */
const available = litecoindAvailable();
if (!available) console.warn('\n!!! litecoind is not installed: the Litecoin watcher tests are SKIPPED here (CI installs it and runs them) !!!\n');

let node: LitecoinNode;
let merchant: TestMerchant;
let shop: TestShop;

beforeAll(async () => {
  if (!available) return;
  node = await startLitecoind();
  await node.fund();
  merchant = await registerMerchant();
  shop = await newShop(merchant);
}, 120_000);
afterAll(async () => node?.stop());

const scan = async (options: { owner?: string } = {}) =>
  scanNetwork(await database(), createUtxoAdapter({ network: 'litecoin', url: node.rpcUrl }), { network: 'litecoin', chain: 'regtest', startBelowTip: 0, ...options });

const payment = async (id: string) => {
  const [row] = await (await database()).select().from(cryptoPayments).where(eq(cryptoPayments.id, id));
  return row!;
};
const status = async (id: string) => (await merchant.call('GET', `/api/gateway/payments/${id}`)).body;
const ltcBalance = async () => {
  const res = await merchant.call('GET', '/api/gateway/balances', { token: merchant.access_token });
  return res.body.balances.find((b: { currency: string }) => b.currency === 'ltc');
};
const webhookTypes = async (paymentId: string) =>
  (await (await database()).select().from(webhookEvents).where(eq(webhookEvents.shopId, shop.id)))
    .filter((e) => (e.body as { data: { id: string } }).data.id === paymentId)
    .map((e) => e.type);
const depositsOf = async (paymentId: string) => (await database()).select().from(cryptoDeposits).where(eq(cryptoDeposits.paymentId, paymentId));

describe.runIf(available)('the Litecoin watcher on a real regtest node', () => {
  it('follows a payment from the mempool to 6 confirmations: pending, confirming, completed, and credits the balance once', async () => {
    await scan(); // starts at the tip
    const before = await ltcBalance();
    const p = await newCryptoPayment(merchant, shop, { amount_crypto: '0.05' });
    const txid = await node.send(p.deposit_address, '0.05');

    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'pending', received_amount: '0.05000000', confirmations: 0, tx_hash: txid });
    expect((await ltcBalance()).pending_balance).toBe(addLtc(before.pending_balance, '0.05'));

    await node.mine(1);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'confirming', confirmations: 1, required_confirmations: 6 });

    await node.mine(5);
    await scan();
    const done = await status(p.id);
    expect(done).toMatchObject({ status: 'completed', confirmations: 6, underpaid: false, overpaid: false, paid_late: false });
    expect(done.paid_at).not.toBeNull();
    const after = await ltcBalance();
    expect(after.available_balance).toBe(addLtc(before.available_balance, '0.05'));
    expect(after.pending_balance).toBe(before.pending_balance);
    expect(after.total_received).toBe(addLtc(before.total_received, '0.05'));

    // Scanning again changes nothing: one deposit, credited once.
    await scan();
    expect(await depositsOf(p.id)).toHaveLength(1);
    expect((await ltcBalance()).available_balance).toBe(after.available_balance);
    expect(await webhookTypes(p.id)).toEqual(['crypto_payment.created', 'crypto_payment.pending', 'crypto_payment.confirming', 'crypto_payment.completed']);
    expect(await checkLedger(await database())).toEqual([]);
  });

  it('keeps an underpaid payment pending until it is topped up, and flags an overpaid one', async () => {
    const under = await newCryptoPayment(merchant, shop, { amount_crypto: '0.1' });
    await node.send(under.deposit_address, '0.04');
    await node.mine(6);
    await scan();
    expect(await status(under.id)).toMatchObject({ status: 'pending', underpaid: true, received_amount: '0.04000000' });
    await node.send(under.deposit_address, '0.06');
    await node.mine(6);
    await scan();
    expect(await status(under.id)).toMatchObject({ status: 'completed', underpaid: false, overpaid: false, received_amount: '0.10000000' });

    const over = await newCryptoPayment(merchant, shop, { amount_crypto: '0.1' });
    await node.send(over.deposit_address, '0.25');
    await node.mine(6);
    await scan();
    expect(await status(over.id)).toMatchObject({ status: 'completed', overpaid: true, received_amount: '0.25000000' });
    expect(await checkLedger(await database())).toEqual([]);
  });

  it('fails an underpaid payment when its top-up window after expiry has passed; what arrived stays credited', async () => {
    const p = await newCryptoPayment(merchant, shop, { amount_crypto: '0.1' });
    await node.send(p.deposit_address, '0.03');
    await node.mine(6);
    await scan();
    const db = await database();
    await db.update(cryptoPayments).set({ expiresAt: new Date(Date.now() - 2 * 60 * 60_000) }).where(eq(cryptoPayments.id, p.id));
    expect(await failUnderpaidCryptoPayments(db)).toContain(p.id);
    expect(await status(p.id)).toMatchObject({ status: 'failed', underpaid: true, received_amount: '0.03000000' });
    expect(await webhookTypes(p.id)).toContain('crypto_payment.failed');
    const [deposit] = await depositsOf(p.id);
    expect(deposit!.status).toBe('confirmed');
  });

  it('records a payment made after expiry, flagged paid late, and completes it', async () => {
    const p = await newCryptoPayment(merchant, shop, { amount_crypto: '0.02' });
    const db = await database();
    await db.update(cryptoPayments).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(cryptoPayments.id, p.id));
    await expireDueCryptoPayments(db);
    expect((await payment(p.id)).status).toBe('expired');
    await node.send(p.deposit_address, '0.02');
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'pending', paid_late: true });
    await node.mine(6);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'completed', paid_late: true });
  });

  it('credits two payments paid by one transaction', async () => {
    const a = await newCryptoPayment(merchant, shop, { amount_crypto: '0.011' });
    const b = await newCryptoPayment(merchant, shop, { amount_crypto: '0.022' });
    const txid = await node.rpc<string>('sendmany', ['', { [a.deposit_address]: 0.011, [b.deposit_address]: 0.022 }]);
    await node.mine(6);
    await scan();
    expect(await status(a.id)).toMatchObject({ status: 'completed', tx_hash: txid, received_amount: '0.01100000' });
    expect(await status(b.id)).toMatchObject({ status: 'completed', tx_hash: txid, received_amount: '0.02200000' });
  });

  it('rolls a reorg back: deposit, status and balance, and counts the re-mined deposit once', async () => {
    await scan();
    const before = await ltcBalance();
    const p = await newCryptoPayment(merchant, shop, { amount_crypto: '0.03' });
    await node.send(p.deposit_address, '0.03');
    const [first] = await node.mine(6);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'completed' });
    expect((await ltcBalance()).available_balance).toBe(addLtc(before.available_balance, '0.03'));

    // The six blocks leave the best chain; the payment's transaction goes back to the mempool.
    await node.rpc('invalidateblock', [first]);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'pending', confirmations: 0 });
    const rolledBack = await ltcBalance();
    expect(rolledBack.available_balance).toBe(before.available_balance);
    expect(rolledBack.pending_balance).toBe(addLtc(before.pending_balance, '0.03'));
    expect(await checkLedger(await database())).toEqual([]);

    // A different branch, longer (paid to another address, so its blocks differ from the invalidated ones): the
    // transaction is mined again in it and counted once.
    await node.mine(7, await node.newAddress());
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'completed', received_amount: '0.03000000' });
    expect(await depositsOf(p.id)).toHaveLength(1);
    const after = await ltcBalance();
    expect(after.available_balance).toBe(addLtc(before.available_balance, '0.03'));
    expect(after.total_received).toBe(addLtc(before.total_received, '0.03'));
    const events = await (await database()).select().from(cryptoPaymentEvents).where(eq(cryptoPaymentEvents.paymentId, p.id));
    expect(events.map((e) => e.type)).toEqual(expect.arrayContaining(['deposit_seen', 'deposit_orphaned', 'deposit_seen_again']));
    expect(await checkLedger(await database())).toEqual([]);
  });

  it('catches up after downtime: blocks mined while nobody watched are read, nothing missed, nothing twice', async () => {
    await scan();
    const payments: TestCryptoPayment[] = [];
    for (let i = 0; i < 3; i++) {
      const p = await newCryptoPayment(merchant, shop, { amount_crypto: '0.01' });
      await node.send(p.deposit_address, '0.01');
      await node.mine(4);
      payments.push(p);
    }
    await node.mine(6);
    await scan();
    await scan();
    for (const p of payments) {
      expect(await status(p.id)).toMatchObject({ status: 'completed' });
      expect(await depositsOf(p.id)).toHaveLength(1);
    }
  });

  it('runs one watcher at a time: a second run while the first holds the lease does nothing, and each deposit counts once', async () => {
    await scan();
    const p = await newCryptoPayment(merchant, shop, { amount_crypto: '0.01' });
    await node.send(p.deposit_address, '0.01');
    await node.mine(6);
    const runs = await Promise.all([scan({ owner: 'watcher-a' }), scan({ owner: 'watcher-b' }), scan({ owner: 'watcher-c' })]);
    expect(runs.filter((r) => r.ran).length).toBeGreaterThanOrEqual(1);
    await scan();
    expect(await depositsOf(p.id)).toHaveLength(1);
    expect(await status(p.id)).toMatchObject({ status: 'completed' });
    expect(await checkLedger(await database())).toEqual([]);
  });
});

// Separate processes share one PostgreSQL server only (the embedded database belongs to one process), as in CI.
describe.runIf(available && process.env.TEST_DATABASE_URL)('two worker processes watching one Litecoin node', () => {
  it('credit each deposit once and complete every payment', async () => {
    const payments: TestCryptoPayment[] = [];
    for (let i = 0; i < 5; i++) {
      const p = await newCryptoPayment(merchant, shop, { amount_crypto: '0.01' });
      await node.send(p.deposit_address, '0.01');
      payments.push(p);
    }
    await node.mine(6);
    // Only Litecoin is watched here: the other networks' test URLs name no node.
    const env = { KPAY_LITECOIN_NODE_URL: node.rpcUrl, KPAY_ETHEREUM_NODE_URL: '', KPAY_TRON_NODE_URL: '', KPAY_WATCH_INTERVAL_SECONDS: '1' };
    startWorker(env);
    startWorker(env);
    await vi.waitFor(
      async () => {
        for (const p of payments) expect((await status(p.id)).status).toBe('completed');
      },
      { timeout: 60_000, interval: 250 },
    );
    // Both workers keep running a while longer: nothing more may be written.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const db = await database();
    for (const p of payments) {
      const deposits = await depositsOf(p.id);
      expect(deposits).toHaveLength(1);
      const lines = await db.select().from(ledgerEntries).where(eq(ledgerEntries.depositId, deposits[0]!.id));
      expect(lines.map((l) => `${l.reason}:${l.account}`).sort()).toEqual(
        ['deposit_confirmed:available', 'deposit_confirmed:pending', 'deposit_seen:chain_in', 'deposit_seen:pending'].sort(),
      );
    }
    expect(await checkLedger(db)).toEqual([]);
  }, 120_000);
});

/** "0.05000000" + "0.05" as 8-decimal LTC text, exactly. */
const addLtc = (a: string, b: string): string => formatAmount(addAmounts(parseAmount(a, 8), parseAmount(b, 8)));
