import { and, desc, eq, ne } from 'drizzle-orm';
import type { Database, Executor, Transaction } from '@/db/client';
import { evmTransactions, withdrawalEvents, withdrawals } from '@/db/schema';
import { JsonRpcError } from '@/lib/chains/json-rpc';
import { currencySettings } from '@/lib/currencies/currency-settings';
import { completeWithdrawal, failWithdrawal } from '../finish-withdrawal';
import { transitionWithdrawal } from '../transition-withdrawal';
import {
  balanceOf,
  estimateGas,
  type EvmNetwork,
  gasPriceOf,
  hasCode,
  nodeWords,
  PLAIN_TRANSFER_GAS,
  tipOf,
  tokenBalanceOf,
  transactionCountOf,
  transferData,
  withMargin,
} from './evm-network';
import { abandonTransaction, committedFrom, type EvmTransaction, lockSender, markBroadcast, sendStored, signAndStore, trackTransaction } from './evm-transactions';
import { hotWallet } from './hot-wallet';

type Withdrawal = typeof withdrawals.$inferSelect;

/**
 * Signs an approved EVM withdrawal from the network's hot wallet: native coin (`value` = net_amount) or an ERC-20 /
 * BEP-20 `transfer(destination, net_amount)` on the currency's allow-listed contract, at the node's gas price (nothing
 * is signed above KPAY_<NETWORK>_MAX_GAS_PRICE_GWEI). The nonce comes from the hot wallet's row in evm_accounts, locked;
 * the signed transaction and its hash are stored, the row's nonce moved on and the withdrawal `signed`, in one
 * database transaction, before anything is sent. Not enough in the hot wallet (beside what its unmined transactions
 * will take): it stays approved with a `waiting_for_funds` event. A transfer the token contract would refuse (the node's
 * estimate reverts) fails the withdrawal and releases the reservation.
 */
export async function signEvmWithdrawal(db: Database, net: EvmNetwork, withdrawal: Withdrawal): Promise<'signed' | 'waiting' | 'failed'> {
  const settings = currencySettings(withdrawal.currency);
  const isToken = settings.currency.contracts !== undefined;
  const contract = settings.contract;
  if (isToken && !contract) throw new Error(`${withdrawal.currency}: no contract configured on ${net.network} ${net.chain}`);
  const hot = await hotWallet(db, net.network, net.chain);
  const gasPrice = await gasPriceOf(net);
  if (gasPrice.aboveCap) {
    await noteWaiting(db, withdrawal.id, 'waiting_for_gas_price', { gas_price: gasPrice.price.toString(), max_gas_price: net.maxGasPrice.toString() });
    return 'waiting';
  }
  const call = isToken
    ? { to: contract!, value: 0n, data: transferData(withdrawal.destinationAddress, withdrawal.netAmount), token: { contract: contract!, amount: withdrawal.netAmount } }
    : { to: withdrawal.destinationAddress, value: withdrawal.netAmount };
  // Balances and transaction count of one block, so the transactions in it are counted exactly once.
  const at = await tipOf(net);
  const [nativeBalance, tokenBalance, chainNonce] = await Promise.all([
    balanceOf(net, hot.address, at),
    isToken ? tokenBalanceOf(net, contract!, hot.address, at) : Promise.resolve(0n),
    transactionCountOf(net, hot.address, at),
  ]);
  const lacks = (committed: Awaited<ReturnType<typeof committedFrom>>, gas: bigint) => {
    const native = nativeBalance - committed.native - call.value - gas * gasPrice.price;
    const token = isToken ? tokenBalance - committed.token(contract!) - withdrawal.netAmount : 0n;
    return native < 0n || token < 0n ? { hot_wallet: hot.address, native_short: String(native < 0n ? -native : 0n), token_short: String(token < 0n ? -token : 0n) } : null;
  };
  // Enough for the cheapest transfer at least, before asking the node to estimate one (it refuses what is unaffordable).
  const early = lacks(await committedFrom(db, net, hot.address, chainNonce), PLAIN_TRANSFER_GAS);
  if (early) {
    await noteWaiting(db, withdrawal.id, 'waiting_for_funds', early);
    return 'waiting';
  }
  // Coin to a plain account costs exactly 21,000 gas; a contract call (a token, a destination with code) is estimated
  // by the node, with a margin: it burns only what it uses.
  let gas = PLAIN_TRANSFER_GAS;
  if (isToken || (await hasCode(net, withdrawal.destinationAddress))) {
    try {
      gas = withMargin(await estimateGas(net, { from: hot.address, ...call }));
    } catch (error) {
      if (!(error instanceof JsonRpcError) || !/revert/i.test(error.message)) throw error;
      const failed = await db.transaction((tx) => failStill(tx, withdrawal, 'approved', `The transfer would revert: ${nodeWords(error)}`));
      return failed ? 'failed' : 'waiting';
    }
  }

  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(withdrawals).where(and(eq(withdrawals.id, withdrawal.id), eq(withdrawals.status, 'approved'))).for('update');
    if (!locked) return 'signed';
    const sender = await lockSender(tx, net, hot);
    // A payout or top-up signed a moment ago that no node has taken yet: this one waits for the next run.
    if (sender.busy) return 'waiting';
    const short = lacks(await committedFrom(tx, net, hot.address, chainNonce), gas);
    if (short) {
      await noteWaiting(tx, withdrawal.id, 'waiting_for_funds', short);
      return 'waiting';
    }
    const sent = await signAndStore(tx, net, sender, chainNonce, { purpose: 'withdrawal', ...call, gas, gasPrice: gasPrice.price, withdrawalId: withdrawal.id });
    await transitionWithdrawal(tx, {
      where: eq(withdrawals.id, withdrawal.id),
      to: 'signed',
      actor: 'system',
      data: { tx_hash: sent.txHash, from: hot.address, nonce: sent.nonce, gas_price: gasPrice.price.toString(), gas_limit: gas.toString() },
      set: () => ({ signedTransaction: sent.signedTransaction, txHash: sent.txHash }),
    });
    return 'signed';
  });
}

/**
 * Sends a signed withdrawal's stored bytes (eth_sendRawTransaction). Taken, or already there (a retry after a crash:
 * "already known", or "nonce too low" with our own hash at the node): `broadcast`. Refused for good before any
 * inclusion: `failed`, the reservation released (failWithdrawal) and the nonce handed back. No answer: still signed.
 */
export async function broadcastEvmWithdrawal(db: Database, net: EvmNetwork, withdrawal: Withdrawal): Promise<'broadcast' | 'failed' | 'retry'> {
  const sent = await transactionOf(db, withdrawal.id);
  const outcome = await sendStored(net, sent);
  if (outcome.kind === 'retry') return 'retry';
  if (outcome.kind !== 'accepted') {
    const failed = await db.transaction(async (tx) => {
      if (!(await failStill(tx, withdrawal, 'signed', `Refused by the node: ${outcome.reason}`))) return false;
      await abandonTransaction(tx, sent, outcome.reason);
      return true;
    });
    return failed ? 'failed' : 'retry';
  }
  await db.transaction(async (tx) => {
    await markBroadcast(tx, sent);
    await transitionWithdrawal(tx, { where: eq(withdrawals.id, withdrawal.id), to: 'broadcast', actor: 'system', set: () => ({ broadcastAt: new Date() }) });
  });
  return 'broadcast';
}

/**
 * Follows a broadcast withdrawal: at the network's confirmations with a successful receipt it is completed, with the
 * same ledger posting as every other network (completeWithdrawal). A transaction that reverted (a token contract
 * refusing after all) paid nothing: failed, the reservation released. One whose nonce another transaction used is
 * failed the same way; one the node forgot is sent again, the same bytes.
 */
export async function trackEvmWithdrawal(db: Database, net: EvmNetwork, withdrawal: Withdrawal): Promise<number> {
  const sent = await transactionOf(db, withdrawal.id);
  const tracked = await trackTransaction(db, net, sent);
  const confirmations = tracked.state === 'mined' ? tracked.confirmations : 0;
  await db.transaction(async (tx) => {
    if (tracked.state === 'gone') {
      if (await failStill(tx, withdrawal, 'broadcast', `Never included: ${tracked.reason}`)) await abandonTransaction(tx, sent, tracked.reason);
      return;
    }
    if (tracked.state === 'pending' || tracked.confirmations < net.confirmations) {
      await tx.update(withdrawals).set({ confirmations }).where(and(eq(withdrawals.id, withdrawal.id), eq(withdrawals.status, 'broadcast')));
      return;
    }
    if (tracked.success) await completeWithdrawal(tx, withdrawal, confirmations);
    else await failWithdrawal(tx, withdrawal, 'The transaction reverted on the chain: nothing was paid (its gas was spent)');
  });
  return confirmations;
}

/**
 * failWithdrawal, only while the withdrawal is still in `status` (its row locked): a withdrawal another worker moved on
 * meanwhile (signed, broadcast) is never failed from a stale view, so funds are never released for a payment on its way.
 */
async function failStill(tx: Transaction, withdrawal: Withdrawal, status: Withdrawal['status'], reason: string): Promise<boolean> {
  const [still] = await tx.select({ id: withdrawals.id }).from(withdrawals).where(and(eq(withdrawals.id, withdrawal.id), eq(withdrawals.status, status))).for('update');
  return still !== undefined && (await failWithdrawal(tx, withdrawal, reason));
}

/** The withdrawal's live transaction (a failed one is history). */
async function transactionOf(db: Database, withdrawalId: string): Promise<EvmTransaction> {
  const [sent] = await db
    .select()
    .from(evmTransactions)
    .where(and(eq(evmTransactions.withdrawalId, withdrawalId), ne(evmTransactions.status, 'failed')))
    .orderBy(desc(evmTransactions.createdAt))
    .limit(1);
  if (!sent) throw new Error(`withdrawal ${withdrawalId} is signed but has no stored transaction`);
  return sent;
}

/** A waiting event, once per stretch of waiting: not again while it is the withdrawal's latest event. */
async function noteWaiting(db: Executor, withdrawalId: string, type: string, data: Record<string, unknown>): Promise<void> {
  const [last] = await db
    .select({ type: withdrawalEvents.type })
    .from(withdrawalEvents)
    .where(eq(withdrawalEvents.withdrawalId, withdrawalId))
    .orderBy(desc(withdrawalEvents.createdAt), desc(withdrawalEvents.id))
    .limit(1);
  if (last?.type !== type) await db.insert(withdrawalEvents).values({ withdrawalId, type, actor: 'system', data });
}
