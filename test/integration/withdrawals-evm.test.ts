import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Address } from 'viem';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { cryptoDeposits, evmAccounts, evmSweeps, evmTransactions, ledgerEntries, webhookEvents, withdrawalEvents, withdrawals } from '@/db/schema';
import { createEvmAdapter } from '@/lib/chains/evm/evm-adapter';
import { scanNetwork } from '@/lib/deposits/scan-network';
import { checkLedger } from '@/lib/ledger/check-ledger';
import { move, postLedger } from '@/lib/ledger/post-ledger';
import { connectEvmNetwork, type EvmNetwork } from '@/lib/withdrawals/evm/evm-network';
import { broadcastEvmWithdrawal, signEvmWithdrawal } from '@/lib/withdrawals/evm/send-evm-withdrawal';
import { sweepEvmDeposits } from '@/lib/withdrawals/evm/sweep-evm-deposits';
import { processWithdrawals } from '@/lib/withdrawals/process-withdrawals';
import { type EvmNode, startEvmNode, type TestToken } from '../chains/hardhat';
import { newCryptoPayment, newShop, registerMerchant, type TestMerchant, type TestShop } from '../fixtures';
import { reconfigure } from '../reconfigure';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

/**
 * EVM withdrawals on a real local node (hardhat 2, chain id 31337, every transaction mined at once): a merchant is paid
 * in ETH and in an allow-listed ERC-20 test token (USDT's 6 decimals) by real transfers the watcher confirms, the sweep
 * job moves both into the hot wallet (the token after a gas top-up), and payouts go from there to outside addresses.
 * Two confirmations here (KPAY_ETHEREUM_CONFIRMATIONS).
 */
let node: EvmNode;
let usdt: TestToken;
let merchant: TestMerchant;
let shop: TestShop;
let ethDeposit: Address;
let usdtDeposit: Address;
let net: EvmNetwork;

const ETH = 10n ** 18n;
const USDT = 10n ** 6n;

beforeAll(async () => {
  node = await startEvmNode();
  usdt = await node.deployTestToken(6, { name: 'Tether USD', symbol: 'USDT' });
  reconfigure({ KPAY_TOKEN_CONTRACTS: `usdt_erc20:${usdt.address}`, KPAY_ETHEREUM_NODE_URL: node.rpcUrl, KPAY_ETHEREUM_CONFIRMATIONS: '2' });
  merchant = await registerMerchant();
  shop = await newShop(merchant);
  await scan();
  net = (await connectEvmNetwork('ethereum'))!;

  // Paid in ETH and in USDT, real transfers to the payments' deposit addresses, confirmed by the watcher.
  const paidEth = await newCryptoPayment(merchant, shop, { currency: 'eth', amount_crypto: '1.5' });
  const paidUsdt = await newCryptoPayment(merchant, shop, { currency: 'usdt_erc20', amount_crypto: '300' });
  ethDeposit = paidEth.deposit_address as Address;
  usdtDeposit = paidUsdt.deposit_address as Address;
  await node.sendEth(ethDeposit, 15n * ETH / 10n);
  await usdt.transfer(usdtDeposit, 300n * USDT);
  await node.mine(2);
  await scan();
  for (const p of [paidEth, paidUsdt]) expect((await merchant.call('GET', `/api/gateway/payments/${p.id}`)).body.status).toBe('completed');
}, 120_000);
afterAll(async () => {
  reconfigure({
    KPAY_TOKEN_CONTRACTS: 'usdt_erc20:0x5FbDB2315678afecb367f032d93F642f64180aa3',
    KPAY_ETHEREUM_NODE_URL: 'http://127.0.0.1:8545',
    KPAY_ETHEREUM_CONFIRMATIONS: undefined,
  });
  await node?.stop();
});

const scan = async () =>
  scanNetwork(
    await database(),
    createEvmAdapter({ network: 'ethereum', url: node.rpcUrl, native: 'eth', tokens: [{ currency: 'usdt_erc20', contract: usdt.address }] }),
    { network: 'ethereum', chain: 'dev', startBelowTip: 0 },
  );
const balance = async (currency: string) =>
  (await merchant.call('GET', '/api/gateway/balances', { token: merchant.access_token })).body.balances.find((b: { currency: string }) => b.currency === currency);
const withdraw = async (currency: string, amount: string, destination_address: string) => {
  const res = await merchant.call('POST', '/api/gateway/withdrawals', { token: merchant.access_token, body: { currency, amount, destination_address } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const approved = await merchant.call('POST', `/api/gateway/withdrawals/${res.body.id}/approve`, { token: merchant.access_token });
  expect(approved.body.status).toBe('approved');
  return res.body as { id: string; net_amount: string };
};
const row = async (id: string) => (await (await database()).select().from(withdrawals).where(eq(withdrawals.id, id)))[0]!;
const outsideAddress = () => privateKeyToAccount(generatePrivateKey()).address;
const ethOf = (address: Address) => node.publicClient.getBalance({ address });
const hot = async () => {
  const [account] = await (await database()).select().from(evmAccounts).where(and(eq(evmAccounts.network, 'ethereum'), eq(evmAccounts.role, 'hot')));
  return account!;
};
const sentBy = (address: string) => node.publicClient.getTransactionCount({ address: address as Address, blockTag: 'latest' });
const transactionsOf = async (withdrawalId: string) => (await database()).select().from(evmTransactions).where(eq(evmTransactions.withdrawalId, withdrawalId));

describe('EVM sweeps and withdrawals on a real dev node', () => {
  it('sweeps the ETH and USDT deposits into the hot wallet once, topping up the token address with gas, and books the gas', async () => {
    const db = await database();
    // A few job runs with a block between them: ETH first, then the token's gas top-up, its transfer, confirmations.
    for (let run = 0; run < 8; run++) {
      await sweepEvmDeposits(db);
      await node.mine(1);
    }
    const sweeps = await db.select().from(evmSweeps);
    expect(sweeps.map((s) => [s.currency, s.status]).sort()).toEqual([['eth', 'completed'], ['usdt_erc20', 'completed']]);
    const wallet = await hot();
    const hotAddress = wallet.address as Address;

    // On chain: the deposit addresses are empty of what they received; the hot wallet holds it, less the gas.
    expect(await ethOf(ethDeposit)).toBe(0n);
    expect(await usdt.balanceOf(usdtDeposit)).toBe(0n);
    expect(await usdt.balanceOf(hotAddress)).toBe(300n * USDT);
    const ethSweep = sweeps.find((s) => s.currency === 'eth')!;
    expect(ethSweep.amount).toBe(15n * ETH / 10n - 21_000n * ethSweep.gasPrice!);
    const sent = await db.select().from(evmTransactions).where(inArray(evmTransactions.sweepId, sweeps.map((s) => s.id)));
    expect(sent.map((t) => t.purpose).sort()).toEqual(['sweep', 'sweep', 'top_up']);
    const topUp = sent.find((t) => t.purpose === 'top_up')!;
    expect(topUp).toMatchObject({ fromAddress: wallet.address, toAddress: usdtDeposit, status: 'mined' });
    // The top-up is just the token transfer's gas at the price of the moment (the transfer is signed at today's price
    // when the gas sent covers it): what the transfer did not burn is all that is left at the address.
    const tokenSweep = sweeps.find((s) => s.currency === 'usdt_erc20')!;
    const tokenTransfer = sent.find((t) => t.purpose === 'sweep' && t.tokenContract !== null)!;
    expect(topUp.value).toBe(tokenTransfer.gasLimit * tokenSweep.gasPrice!);
    expect(tokenTransfer.gasPrice).toBeLessThanOrEqual(tokenSweep.gasPrice!);
    const leftAtTokenAddress = await ethOf(usdtDeposit);
    expect(leftAtTokenAddress).toBe(topUp.value - tokenTransfer.networkFee!);

    // Every wei is accounted for: what the ETH payment brought = the hot wallet + dust at the token address + gas.
    const gas = sweeps.reduce((sum, s) => sum + s.networkFee!, 0n);
    expect(gas).toBe(sent.reduce((sum, t) => sum + t.networkFee!, 0n));
    expect((await ethOf(hotAddress)) + leftAtTokenAddress + gas).toBe(15n * ETH / 10n);
    // The gas is the operator's cost in the ledger (fees -> network_fees, in ETH), never the merchant's balances.
    const [booked] = await db
      .select({ total: sql<string>`sum(${ledgerEntries.amount})::text` })
      .from(ledgerEntries)
      .where(and(eq(ledgerEntries.userId, merchant.userId), eq(ledgerEntries.currency, 'eth'), eq(ledgerEntries.account, 'network_fees')));
    expect(BigInt(booked!.total)).toBe(gas);
    expect(await balance('eth')).toMatchObject({ available_balance: '1.500000000000000000', reserved_balance: '0.000000000000000000' });
    expect(await balance('usdt_erc20')).toMatchObject({ available_balance: '300.000000' });
    expect(await checkLedger(db)).toEqual([]);

    // Once: more runs sign nothing more.
    const before = await Promise.all([sentBy(hotAddress), sentBy(ethDeposit), sentBy(usdtDeposit)]);
    await sweepEvmDeposits(db);
    await node.mine(1);
    await sweepEvmDeposits(db);
    expect(await Promise.all([sentBy(hotAddress), sentBy(ethDeposit), sentBy(usdtDeposit)])).toEqual(before);
    expect(await db.select().from(evmTransactions).where(inArray(evmTransactions.sweepId, sweeps.map((s) => s.id)))).toHaveLength(3);
    const deposits = await db.select().from(cryptoDeposits).where(eq(cryptoDeposits.network, 'ethereum'));
    expect(await db.select().from(evmSweeps)).toHaveLength(deposits.length);
  });

  it('skips, once, a deposit that does not cover the gas of moving it, and sends nothing from its address', async () => {
    const db = await database();
    const p = await newCryptoPayment(merchant, shop, { currency: 'eth', amount_crypto: '0.01' });
    await node.sendEth(p.deposit_address as Address, 1_000n);
    await node.mine(2);
    await scan();
    const [deposit] = await db.select().from(cryptoDeposits).where(eq(cryptoDeposits.paymentId, p.id));
    expect(deposit!.status).toBe('confirmed');
    // The watcher has now read the blocks of the sweeps too: the hot wallet's gas top-up to the token's deposit address
    // is KPay moving its own coin, never a deposit of the merchant.
    const [topUp] = await db.select().from(evmTransactions).where(eq(evmTransactions.purpose, 'top_up'));
    expect(await db.select().from(cryptoDeposits).where(eq(cryptoDeposits.txHash, topUp!.txHash))).toHaveLength(0);
    await sweepEvmDeposits(db);
    await sweepEvmDeposits(db);
    const sweeps = await db.select().from(evmSweeps).where(eq(evmSweeps.depositId, deposit!.id));
    expect(sweeps).toHaveLength(1);
    expect(sweeps[0]).toMatchObject({ status: 'skipped', amount: 0n });
    expect(sweeps[0]!.reason).toMatch(/does not cover/);
    expect(await ethOf(p.deposit_address as Address)).toBe(1_000n);
    expect(await sentBy(p.deposit_address)).toBe(0);
    expect(await checkLedger(db)).toEqual([]);
  });

  it('pays an ETH withdrawal from the hot wallet: net_amount on chain exactly, completed at 2 confirmations', async () => {
    const db = await database();
    // 1.5 ETH paid in, and the 1,000 wei the dust deposit added.
    expect((await balance('eth')).available_balance).toBe('1.500000000000001000');
    const destination = outsideAddress();
    const w = await withdraw('eth', '0.5', destination);
    expect(w.net_amount).toBe('0.498000000000000000');

    await processWithdrawals(db);
    const sent = await row(w.id);
    expect(sent.status).toBe('broadcast');
    expect(sent.signedTransaction).toMatch(/^0x[0-9a-f]+$/);
    const [stored] = await transactionsOf(w.id);
    expect(stored).toMatchObject({ fromAddress: (await hot()).address, toAddress: destination, value: 498_000_000_000_000_000n, txHash: sent.txHash });
    expect(await ethOf(destination)).toBe(498_000_000_000_000_000n);
    expect(await balance('eth')).toMatchObject({ available_balance: '1.000000000000001000', reserved_balance: '0.500000000000000000' });

    await node.mine(1);
    await processWithdrawals(db);
    const done = await merchant.call('GET', `/api/gateway/withdrawals/${w.id}`, { token: merchant.access_token });
    expect(done.body).toMatchObject({ status: 'completed', tx_hash: sent.txHash, net_amount: '0.498000000000000000', fee: '0.002000000000000000' });
    expect(done.body.confirmations).toBeGreaterThanOrEqual(2);
    expect(await balance('eth')).toMatchObject({
      available_balance: '1.000000000000001000',
      reserved_balance: '0.000000000000000000',
      total_withdrawn: '0.498000000000000000',
    });
    const receipt = await node.publicClient.getTransactionReceipt({ hash: sent.txHash as `0x${string}` });
    expect(receipt.status).toBe('success');
    const announced = await db.select().from(webhookEvents).where(eq(webhookEvents.userId, merchant.userId));
    expect(announced.some((e) => e.type === 'withdrawal.completed' && (e.body as { data: { id: string } }).data.id === w.id)).toBe(true);
    expect(await checkLedger(db)).toEqual([]);
  });

  it('pays a USDT withdrawal with an ERC-20 transfer on the allow-listed contract', async () => {
    const db = await database();
    const destination = outsideAddress();
    const hotAddress = (await hot()).address as Address;
    const hotTokens = await usdt.balanceOf(hotAddress);
    const w = await withdraw('usdt_erc20', '100', destination);
    expect(w.net_amount).toBe('95.000000');
    await processWithdrawals(db);
    expect((await row(w.id)).status).toBe('broadcast');
    const [stored] = await transactionsOf(w.id);
    expect(stored).toMatchObject({ toAddress: usdt.address, value: 0n, tokenContract: usdt.address, tokenAmount: 95n * USDT });
    expect(await usdt.balanceOf(destination)).toBe(95n * USDT);
    expect(await usdt.balanceOf(hotAddress)).toBe(hotTokens - 95n * USDT);

    await node.mine(1);
    await processWithdrawals(db);
    expect((await row(w.id)).status).toBe('completed');
    expect(await balance('usdt_erc20')).toMatchObject({ available_balance: '200.000000', reserved_balance: '0.000000', total_withdrawn: '95.000000' });
    expect(await checkLedger(db)).toEqual([]);
  });

  it('never pays twice: a worker that dies between signing and broadcasting sends the same bytes with the same nonce', async () => {
    const db = await database();
    const destination = outsideAddress();
    const w = await withdraw('eth', '0.1', destination);
    const wallet = await hot();
    const onChainBefore = await sentBy(wallet.address);
    // The worker signs and stores, then "dies" before sending.
    expect(await signEvmWithdrawal(db, net, await row(w.id))).toBe('signed');
    const signed = await row(w.id);
    expect(signed.status).toBe('signed');
    const nonceAfterSigning = (await hot()).nextNonce;
    expect(nonceAfterSigning).toBe(wallet.nextNonce + 1);
    expect(await sentBy(wallet.address)).toBe(onChainBefore);

    // After the restart the job broadcasts the stored transaction; a second broadcast of the same row changes nothing.
    await processWithdrawals(db);
    expect((await row(w.id)).status).toBe('broadcast');
    expect(await broadcastEvmWithdrawal(db, net, signed)).toBe('broadcast');
    expect((await hot()).nextNonce).toBe(nonceAfterSigning);
    expect(await sentBy(wallet.address)).toBe(onChainBefore + 1);
    const [stored] = await transactionsOf(w.id);
    expect(stored!.nonce).toBe(wallet.nextNonce);
    const onChain = await node.publicClient.getTransaction({ hash: signed.txHash as `0x${string}` });
    expect(onChain.nonce).toBe(wallet.nextNonce);

    await node.mine(1);
    await processWithdrawals(db);
    expect(await row(w.id)).toMatchObject({ status: 'completed', txHash: signed.txHash });
    expect(await transactionsOf(w.id)).toHaveLength(1);
    expect(await ethOf(destination)).toBe(98_000_000_000_000_000n);
    expect(await checkLedger(db)).toEqual([]);
  });

  it("fails a withdrawal the node refuses, releases the merchant's funds and the nonce, and the next one takes that nonce", async () => {
    const db = await database();
    const before = await balance('eth');
    const destination = outsideAddress();
    const w = await withdraw('eth', '0.2', destination);
    expect(await signEvmWithdrawal(db, net, await row(w.id))).toBe('signed');
    const [stored] = await transactionsOf(w.id);
    expect((await hot()).nextNonce).toBe(stored!.nonce + 1);

    // The next block's base fee jumps far above the gas price it was signed at: the node refuses the transaction.
    const { baseFeePerGas } = await node.publicClient.getBlock({ blockTag: 'latest' });
    await node.testClient.setNextBlockBaseFeePerGas({ baseFeePerGas: 1_000_000_000_000n });
    await processWithdrawals(db);
    await node.testClient.setNextBlockBaseFeePerGas({ baseFeePerGas: baseFeePerGas! });

    const failed = await row(w.id);
    expect(failed.status).toBe('failed');
    expect(failed.failureReason).toMatch(/Refused by the node: .*too low/);
    expect((await transactionsOf(w.id))[0]!.status).toBe('failed');
    expect((await hot()).nextNonce).toBe(stored!.nonce);
    expect(await ethOf(destination)).toBe(0n);
    const announced = await db.select().from(webhookEvents).where(eq(webhookEvents.userId, merchant.userId));
    expect(announced.some((e) => e.type === 'withdrawal.failed' && (e.body as { data: { id: string } }).data.id === w.id)).toBe(true);
    expect(await balance('eth')).toMatchObject({ available_balance: before.available_balance, reserved_balance: '0.000000000000000000' });

    // The nonce handed back is used by the next payout: no gap stalls the hot wallet.
    const next = await withdraw('eth', '0.2', destination);
    await processWithdrawals(db);
    expect((await transactionsOf(next.id))[0]!.nonce).toBe(stored!.nonce);
    await node.mine(1);
    await processWithdrawals(db);
    expect((await row(next.id)).status).toBe('completed');
    expect(await ethOf(destination)).toBe(198_000_000_000_000_000n);
    expect(await checkLedger(db)).toEqual([]);
  });

  it('waits, approved, while the hot wallet lacks the funds, signs nothing and loses nothing', async () => {
    const db = await database();
    // Ledger money the chain never paid: the hot wallet cannot cover it.
    await db.transaction((tx) => postLedger(tx, { userId: merchant.userId, currency: 'eth', reason: 'test_credit', lines: move('chain_in', 'available', 100n * ETH) }));
    const wallet = await hot();
    const w = await withdraw('eth', '50', outsideAddress());
    await processWithdrawals(db);
    await processWithdrawals(db);
    expect((await row(w.id)).status).toBe('approved');
    const events = await db.select().from(withdrawalEvents).where(eq(withdrawalEvents.withdrawalId, w.id));
    // Said once, not once per run.
    expect(events.filter((e) => e.type === 'waiting_for_funds')).toHaveLength(1);
    expect(await transactionsOf(w.id)).toHaveLength(0);
    expect((await hot()).nextNonce).toBe(wallet.nextNonce);
    expect((await balance('eth')).reserved_balance).toBe('50.000000000000000000');
    expect(await checkLedger(db)).toEqual([]);
  });
});
