import { eq } from 'drizzle-orm';
import type { Address } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { cryptoDeposits } from '@/db/schema';
import { createEvmAdapter } from '@/lib/chains/evm/evm-adapter';
import { scanNetwork } from '@/lib/deposits/scan-network';
import { checkLedger } from '@/lib/ledger/check-ledger';
import { type EvmNode, startEvmNode, type TestToken } from '../chains/hardhat';
import { newCryptoPayment, newShop, registerMerchant, type TestMerchant, type TestShop } from '../fixtures';
import { reconfigure } from '../reconfigure';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

/**
 * The deposit watcher against a real local EVM node (hardhat 2, chain id 31337): native ETH and an ERC-20 test token
 * with 6 decimals (USDT's) deployed from contracts/TestToken.sol and allow-listed as usdt_erc20; a second deployment of
 * the same contract is not allow-listed. Reorgs are made with evm_snapshot / evm_revert. ETH needs 12 confirmations.
 */
let node: EvmNode;
let usdt: TestToken;
let impostor: TestToken;
let merchant: TestMerchant;
let shop: TestShop;

beforeAll(async () => {
  node = await startEvmNode();
  usdt = await node.deployTestToken(6, { name: 'Tether USD', symbol: 'USDT' });
  impostor = await node.deployTestToken(6, { name: 'Tether USD', symbol: 'USDT' });
  reconfigure({ KPAY_TOKEN_CONTRACTS: `usdt_erc20:${usdt.address}`, KPAY_ETHEREUM_NODE_URL: node.rpcUrl });
  merchant = await registerMerchant();
  shop = await newShop(merchant);
  await scan();
}, 120_000);
afterAll(async () => {
  reconfigure({ KPAY_TOKEN_CONTRACTS: 'usdt_erc20:0x5FbDB2315678afecb367f032d93F642f64180aa3', KPAY_ETHEREUM_NODE_URL: 'http://127.0.0.1:8545' });
  await node?.stop();
});

const scan = async () =>
  scanNetwork(
    await database(),
    createEvmAdapter({ network: 'ethereum', url: node.rpcUrl, native: 'eth', tokens: [{ currency: 'usdt_erc20', contract: usdt.address }] }),
    { network: 'ethereum', chain: 'dev', startBelowTip: 0 },
  );
const status = async (id: string) => (await merchant.call('GET', `/api/gateway/payments/${id}`)).body;
const balance = async (currency: string) =>
  (await merchant.call('GET', '/api/gateway/balances', { token: merchant.access_token })).body.balances.find((b: { currency: string }) => b.currency === currency);
const depositsOf = async (paymentId: string) => (await database()).select().from(cryptoDeposits).where(eq(cryptoDeposits.paymentId, paymentId));

describe('the Ethereum watcher on a real EVM dev node', () => {
  it('sees a native ETH payment in its block and completes it at 12 confirmations', async () => {
    const p = await newCryptoPayment(merchant, shop, { currency: 'eth', amount_crypto: '0.5' });
    const receipt = await node.sendEth(p.deposit_address as Address, 500_000_000_000_000_000n);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'confirming', confirmations: 1, required_confirmations: 12, tx_hash: receipt.transactionHash });
    expect((await balance('eth')).pending_balance).toBe('0.500000000000000000');
    await node.mine(11);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'completed', received_amount: '0.500000000000000000', confirmations: 12 });
    expect((await balance('eth')).available_balance).toBe('0.500000000000000000');
  });

  it('reads the allow-listed token by its contract, and ignores the same token deployed elsewhere', async () => {
    const p = await newCryptoPayment(merchant, shop, { currency: 'usdt_erc20', amount_crypto: '25' });
    await impostor.transfer(p.deposit_address as Address, 25_000_000n);
    await node.mine(12);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'created', received_amount: null });
    expect(await depositsOf(p.id)).toHaveLength(0);

    const receipt = await usdt.transfer(p.deposit_address as Address, 25_000_000n);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'confirming', received_amount: '25.000000', tx_hash: receipt.transactionHash });
    await node.mine(12);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'completed' });
    expect((await balance('usdt_erc20')).available_balance).toBe('25.000000');
    expect(await checkLedger(await database())).toEqual([]);
  });

  it('rolls back a deposit whose blocks a reorg removed: status and balance, then counts a new payment once', async () => {
    const before = await balance('eth');
    const p = await newCryptoPayment(merchant, shop, { currency: 'eth', amount_crypto: '0.25' });
    const snapshot = await node.snapshot();
    await node.sendEth(p.deposit_address as Address, 250_000_000_000_000_000n);
    await node.mine(2);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'confirming', confirmations: 3 });

    // The two blocks and the payment's block leave the chain; a longer branch without the transaction replaces them.
    await node.revert(snapshot);
    await node.mine(5);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'created', received_amount: null, confirmations: 0 });
    expect((await balance('eth')).pending_balance).toBe(before.pending_balance);
    const [orphaned] = await depositsOf(p.id);
    expect(orphaned!.status).toBe('orphaned');

    // Paid again on the new branch: one deposit counted, the orphaned one not.
    await node.sendEth(p.deposit_address as Address, 250_000_000_000_000_000n);
    await node.mine(12);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'completed', received_amount: '0.250000000000000000' });
    const after = await balance('eth');
    expect(BigInt(after.available_balance.replace('.', '')) - BigInt(before.available_balance.replace('.', ''))).toBe(250_000_000_000_000_000n);
    expect(await checkLedger(await database())).toEqual([]);
  });

  it('pays a token payment from the sandbox test wallet and mines it to completion', async () => {
    const p = await newCryptoPayment(merchant, shop, { currency: 'usdt_erc20', amount_crypto: '12.5' });
    const paid = await merchant.call('POST', `/api/sandbox/payments/${p.id}/pay`, { body: { amount: 'exact' } });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    expect(paid.body.amount).toBe('12.500000');
    const mined = await merchant.call('POST', '/api/sandbox/mine', { token: merchant.access_token, body: { network: 'ethereum', blocks: 12 } });
    expect(mined.status, JSON.stringify(mined.body)).toBe(200);
    await scan();
    expect(await status(p.id)).toMatchObject({ status: 'completed', received_amount: '12.500000', tx_hash: paid.body.tx_hash });
  });
});
