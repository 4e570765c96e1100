import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { createUtxoAdapter } from '@/lib/chains/utxo/utxo-adapter';
import { scanNetwork } from '@/lib/deposits/scan-network';
import { apiClient } from '../api-client';
import { type LitecoinNode, litecoindAvailable, startLitecoind } from '../chains/litecoind';
import { newCryptoPayment, newShop, registerMerchant, type TestMerchant, type TestShop } from '../fixtures';
import { reconfigure } from '../reconfigure';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

/** The sandbox (Stripe-style test mode) on a real Litecoin regtest node: pay from the node's wallet, mine, watch. */
const available = litecoindAvailable();
if (!available) console.warn('\n!!! litecoind is not installed: the sandbox tests are SKIPPED here (CI installs it and runs them) !!!\n');

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
}, 120_000);
afterAll(async () => {
  reconfigure({ KPAY_LITECOIN_NODE_URL: 'http://127.0.0.1:19443', KPAY_LITECOIN_CHAIN: 'regtest' });
  await node?.stop();
});

const scan = async () =>
  scanNetwork(await database(), createUtxoAdapter({ network: 'litecoin', url: node.rpcUrl }), { network: 'litecoin', chain: 'regtest', startBelowTip: 0 });
const status = async (id: string) => (await apiClient()('GET', `/api/gateway/payments/${id}`)).body;
const pay = (id: string, amount?: string) => apiClient()('POST', `/api/sandbox/payments/${id}/pay`, { body: amount ? { amount } : {} });
const mine = (body: unknown, auth: { token?: string; apiKey?: string } = { token: merchant.access_token }) =>
  merchant.call('POST', '/api/sandbox/mine', { ...auth, body });

describe.runIf(available)('the sandbox on a local regtest chain', () => {
  it('pays from the test wallet (half, then what is still due) and mines, and the watcher completes the payment', async () => {
    await scan();
    const p = await newCryptoPayment(merchant, shop, { amount_crypto: '0.2' });
    const under = await pay(p.id, 'under');
    expect(under.status, JSON.stringify(under.body)).toBe(200);
    expect(under.body.amount).toBe('0.10000000');
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'pending', underpaid: true, received_amount: '0.10000000', tx_hash: under.body.tx_hash });

    // "Exact" now sends what is still due.
    expect((await pay(p.id)).body.amount).toBe('0.10000000');
    const mined = await mine({ network: 'litecoin', blocks: 6 });
    expect(mined.status, JSON.stringify(mined.body)).toBe(200);
    expect(mined.body).toEqual({ network: 'litecoin', mined: 6 });
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'completed', overpaid: false, underpaid: false, received_amount: '0.20000000' });
  });

  it('mines only for a signed-in merchant, within bounds', async () => {
    expect((await apiClient()('POST', '/api/sandbox/mine', { body: { network: 'litecoin' } })).status).toBe(401);
    expect((await mine({ network: 'litecoin' }, { apiKey: shop.api_key })).status).toBe(403);
    expect((await mine({ network: 'litecoin', blocks: 101 })).status).toBe(422);
    expect((await mine({ network: 'litecoin', blocks: 0 })).status).toBe(422);
    expect((await pay('00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await pay('not-a-uuid')).status).toBe(404);
  });

  it('does not exist where the chain is not a local test chain', async () => {
    const p = await newCryptoPayment(merchant, shop, { amount_crypto: '0.01' });
    // bitcoin has no node here at all.
    expect((await mine({ network: 'bitcoin', blocks: 1 })).status).toBe(404);
    reconfigure({ KPAY_LITECOIN_CHAIN: 'mainnet' });
    try {
      expect((await mine({ network: 'litecoin', blocks: 1 })).status).toBe(404);
      expect((await pay(p.id)).status).toBe(404);
    } finally {
      reconfigure({ KPAY_LITECOIN_CHAIN: 'regtest' });
    }
  });

  it('answers 503 node_unavailable, never a 500, when the test node does not answer', async () => {
    const p = await newCryptoPayment(merchant, shop, { amount_crypto: '0.01' });
    reconfigure({ KPAY_LITECOIN_NODE_URL: 'http://127.0.0.1:9/' });
    try {
      const res = await pay(p.id);
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('node_unavailable');
      expect(JSON.stringify(res.body)).not.toContain(new URL(node.rpcUrl).password);
      expect((await mine({ network: 'litecoin', blocks: 1 })).status).toBe(503);
    } finally {
      reconfigure({ KPAY_LITECOIN_NODE_URL: node.rpcUrl });
    }
  });
});
