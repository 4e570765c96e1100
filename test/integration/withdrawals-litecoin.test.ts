import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { walletOutputs, webhookEvents, withdrawalEvents, withdrawals } from '@/db/schema';
import { createJsonRpcClient } from '@/lib/chains/json-rpc';
import { createUtxoAdapter } from '@/lib/chains/utxo/utxo-adapter';
import { scanNetwork } from '@/lib/deposits/scan-network';
import { checkLedger } from '@/lib/ledger/check-ledger';
import { move, postLedger } from '@/lib/ledger/post-ledger';
import { processWithdrawals } from '@/lib/withdrawals/process-withdrawals';
import { broadcastUtxoWithdrawal, signUtxoWithdrawal } from '@/lib/withdrawals/utxo/send-utxo-withdrawal';
import { type LitecoinNode, litecoindAvailable, startLitecoind } from '../chains/litecoind';
import { newCryptoPayment, newShop, registerMerchant, type TestMerchant, type TestShop } from '../fixtures';
import { reconfigure } from '../reconfigure';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

/**
 * Litecoin withdrawals on a real regtest node: the merchant's balance comes from a real deposit the watcher confirmed,
 * KPay signs with its HD keys (@scure/btc-signer) and broadcasts, and the node's own wallet is the outside receiver.
 */
const available = litecoindAvailable();
if (!available) console.warn('\n!!! litecoind is not installed: the Litecoin withdrawal tests are SKIPPED here (CI installs it and runs them) !!!\n');

let node: LitecoinNode;
let merchant: TestMerchant;
let shop: TestShop;

beforeAll(async () => {
  if (!available) return;
  node = await startLitecoind();
  await node.fund();
  reconfigure({ KPAY_LITECOIN_NODE_URL: node.rpcUrl });
  merchant = await registerMerchant();
  shop = await newShop(merchant);
  await scan();
  // 2 LTC paid in and confirmed: the merchant's available balance, and the wallet's coins.
  const payment = await newCryptoPayment(merchant, shop, { amount_crypto: '2' });
  await node.send(payment.deposit_address, '2');
  await node.mine(6);
  await scan();
}, 120_000);
afterAll(async () => {
  reconfigure({ KPAY_LITECOIN_NODE_URL: 'http://127.0.0.1:19443' });
  await node?.stop();
});

const scan = async () =>
  scanNetwork(await database(), createUtxoAdapter({ network: 'litecoin', url: node.rpcUrl }), { network: 'litecoin', chain: 'regtest', startBelowTip: 0 });
const rpc = () => createJsonRpcClient(node.rpcUrl, { version: '1.0' });
const balance = async () =>
  (await merchant.call('GET', '/api/gateway/balances', { token: merchant.access_token })).body.balances.find((b: { currency: string }) => b.currency === 'ltc');
const withdraw = async (amount: string, destination_address: string) => {
  const res = await merchant.call('POST', '/api/gateway/withdrawals', { token: merchant.access_token, body: { currency: 'ltc', amount, destination_address } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const approved = await merchant.call('POST', `/api/gateway/withdrawals/${res.body.id}/approve`, { token: merchant.access_token });
  expect(approved.body.status).toBe('approved');
  return res.body as { id: string };
};
const row = async (id: string) => (await (await database()).select().from(withdrawals).where(eq(withdrawals.id, id)))[0]!;
const receivedBy = (address: string) => node.rpc<number | string>('getreceivedbyaddress', [address, 0]).then(String);

describe.runIf(available)('Litecoin withdrawals on a real regtest node', () => {
  it('pays out: signed with the HD keys, on chain with the net amount, completed at 6 confirmations, the ledger moved', async () => {
    expect(await balance()).toMatchObject({ available_balance: '2.00000000', total_withdrawn: '0.00000000' });
    const destination = await node.newAddress();
    const w = await withdraw('0.5', destination);
    const db = await database();

    await processWithdrawals(db);
    const sent = await row(w.id);
    expect(sent.status).toBe('broadcast');
    expect(sent.signedTransaction).toMatch(/^[0-9a-f]+$/);
    // The node sees exactly the net amount to the destination.
    const onChain = await rpc()<{ vout: { value: string; scriptPubKey: { addresses?: string[]; address?: string } }[] }>('getrawtransaction', [sent.txHash, true]);
    const paid = onChain.vout.find((o) => (o.scriptPubKey.address ?? o.scriptPubKey.addresses?.[0]) === destination);
    expect(paid?.value).toBe('0.49900000');
    expect(await balance()).toMatchObject({ available_balance: '1.50000000', reserved_balance: '0.50000000' });

    await node.mine(6);
    await processWithdrawals(db);
    const done = await merchant.call('GET', `/api/gateway/withdrawals/${w.id}`, { token: merchant.access_token });
    expect(done.body).toMatchObject({ status: 'completed', tx_hash: sent.txHash, net_amount: '0.49900000', fee: '0.00100000' });
    expect(done.body.confirmations).toBeGreaterThanOrEqual(6);
    expect(await balance()).toMatchObject({ available_balance: '1.50000000', reserved_balance: '0.00000000', total_withdrawn: '0.49900000' });
    expect(await receivedBy(destination)).toBe('0.499');
    const announced = await db.select().from(webhookEvents).where(eq(webhookEvents.userId, merchant.userId));
    const completed = announced.find((e) => e.type === 'withdrawal.completed');
    expect((completed?.body as { data: { id: string; status: string } }).data).toMatchObject({ id: w.id, status: 'completed' });
    // The change is the wallet's again.
    const change = await db.select().from(walletOutputs).where(and(eq(walletOutputs.txHash, sent.txHash!), eq(walletOutputs.status, 'unspent')));
    expect(change).toHaveLength(1);
    expect(await checkLedger(db)).toEqual([]);
  });

  it('never pays twice: a worker that dies between signing and broadcasting, and a repeated broadcast, send the same bytes', async () => {
    const destination = await node.newAddress();
    const w = await withdraw('0.2', destination);
    const db = await database();
    // The worker signs and stores, then "dies" before sending.
    await signUtxoWithdrawal(db, rpc(), await row(w.id));
    const signed = await row(w.id);
    expect(signed.status).toBe('signed');
    // After the restart it broadcasts the stored transaction; a second broadcast of the same row changes nothing.
    await processWithdrawals(db);
    expect(await broadcastUtxoWithdrawal(db, rpc(), signed)).toBe('broadcast');
    await node.mine(6);
    await processWithdrawals(db);
    expect((await row(w.id)).status).toBe('completed');
    expect((await row(w.id)).txHash).toBe(signed.txHash);
    expect(await receivedBy(destination)).toBe('0.199');
    expect(await checkLedger(db)).toEqual([]);
  });

  it('never refunds a withdrawal the node took before the worker could record it, even once it is mined', async () => {
    const destination = await node.newAddress();
    const w = await withdraw('0.1', destination);
    const db = await database();
    await signUtxoWithdrawal(db, rpc(), await row(w.id));
    const signed = await row(w.id);
    // The worker handed the bytes to the node and died before saving `broadcast`; the transaction is then mined.
    await rpc()('sendrawtransaction', [signed.signedTransaction]);
    await node.mine(6);
    await processWithdrawals(db);
    await processWithdrawals(db);
    const done = await row(w.id);
    expect(done.status).toBe('completed');
    expect(done.failureReason).toBeNull();
    expect(await receivedBy(destination)).toBe('0.099');
    expect(await checkLedger(db)).toEqual([]);
  });

  it('fails a withdrawal the node refuses, and releases the merchant\'s funds and the coins', async () => {
    const before = await balance();
    const w = await withdraw('0.3', await node.newAddress());
    const db = await database();
    await signUtxoWithdrawal(db, rpc(), await row(w.id));
    const signed = await row(w.id);
    // Bytes the node cannot take (one byte of the signed transaction changed).
    const broken = `${signed.signedTransaction!.slice(0, -2)}${signed.signedTransaction!.endsWith('00') ? '01' : '00'}`;
    await db.update(withdrawals).set({ signedTransaction: broken.replace(/^(..)/, 'ff') }).where(eq(withdrawals.id, w.id));
    await processWithdrawals(db);
    const failed = await row(w.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/Refused by the node/);
    const announced = await db.select().from(webhookEvents).where(eq(webhookEvents.userId, merchant.userId));
    expect(announced.some((e) => e.type === 'withdrawal.failed' && (e.body as { data: { id: string } }).data.id === w.id)).toBe(true);
    expect(await balance()).toMatchObject({ available_balance: before.available_balance, reserved_balance: '0.00000000' });
    expect(await db.select().from(walletOutputs).where(and(eq(walletOutputs.withdrawalId, w.id), eq(walletOutputs.status, 'spending')))).toHaveLength(0);
    const events = await db.select().from(withdrawalEvents).where(eq(withdrawalEvents.withdrawalId, w.id));
    expect(events.map((e) => e.toStatus ?? e.type)).toEqual(expect.arrayContaining(['pending', 'approved', 'signed', 'failed']));
    expect(await checkLedger(db)).toEqual([]);
  });

  it('waits, approved, while the wallet lacks the coins, and loses nothing', async () => {
    const db = await database();
    // Ledger money the chain never paid: the wallet cannot cover it.
    await db.transaction((tx) => postLedger(tx, { userId: merchant.userId, currency: 'ltc', reason: 'test_credit', lines: move('chain_in', 'available', 100n * 100_000_000n) }));
    const w = await withdraw('50', await node.newAddress());
    await processWithdrawals(db);
    expect((await row(w.id)).status).toBe('approved');
    const events = await db.select().from(withdrawalEvents).where(eq(withdrawalEvents.withdrawalId, w.id));
    expect(events.map((e) => e.type)).toContain('waiting_for_funds');
    expect(await db.select().from(walletOutputs).where(eq(walletOutputs.withdrawalId, w.id))).toHaveLength(0);
    expect((await balance()).reserved_balance).toBe('50.00000000');
  });
});
