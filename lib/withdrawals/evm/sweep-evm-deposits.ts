import { and, asc, eq, inArray, isNull, ne, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { cryptoDeposits, evmSweeps, evmTransactions, walletAddresses } from '@/db/schema';
import { config } from '@/lib/config/config';
import { NodeUnreachableError } from '@/lib/chains/json-rpc';
import { currencySettings } from '@/lib/currencies/currency-settings';
import { move, postLedger } from '@/lib/ledger/post-ledger';
import { logger } from '@/lib/observability/logger';
import {
  balanceOf,
  connectEvmNetwork,
  estimateGas,
  EVM_NETWORKS,
  type EvmNetwork,
  gasPriceOf,
  PLAIN_TRANSFER_GAS,
  tipOf,
  tokenBalanceOf,
  transactionCountOf,
  transferData,
  withMargin,
} from './evm-network';
import { abandonTransaction, committedFrom, type EvmTransaction, lockSender, markBroadcast, type Outgoing, sendStored, signAndStore, trackTransaction } from './evm-transactions';
import { type EvmSender, hotWallet } from './hot-wallet';

type Sweep = typeof evmSweeps.$inferSelect;
type Deposit = typeof cryptoDeposits.$inferSelect;
type Candidate = { deposit: Deposit; address: string; derivationPath: string };

export interface SweepRun {
  network: string;
  /** Sweeps begun this run (their first transaction signed and sent). */
  started: number;
  completed: number;
  failed: number;
  /** Deposits with nothing to move (recorded as skipped, once). */
  skipped: number;
  /** Token deposits waiting for the hot wallet to hold the gas of a top-up. */
  waiting: number;
}

/**
 * The sweep job: on every EVM network with a node, moves confirmed deposits from their deposit addresses into the hot
 * wallet, each deposit once (evm_sweeps is unique per deposit). Runs one network after the other; one network's
 * trouble (its node down) does not hold the others.
 */
export async function sweepEvmDeposits(db: Database): Promise<SweepRun[]> {
  const runs: SweepRun[] = [];
  for (const network of EVM_NETWORKS) {
    if (!config().crypto.networks[network].nodeUrl) continue;
    try {
      const net = await connectEvmNetwork(network);
      if (net) runs.push(await sweepNetwork(db, net));
    } catch (err) {
      // A node that is down is reported by its message alone, every run; anything else keeps its stack.
      const reason = err instanceof NodeUnreachableError ? { reason: err.message } : { err };
      logger.warn({ ...reason, network }, 'EVM sweep not run on this network this time');
    }
  }
  return runs;
}

/**
 * One network's sweeps. First the sweeps on their way move on: a gas top-up in a block lets the token transfer be
 * signed; a transfer at the network's confirmations completes the sweep and posts its gas to the ledger. Then confirmed
 * deposits without a sweep whose address still holds them begin one, at most one per address at a time, native coin
 * before tokens (so a token's gas top-up never spends a native deposit still to be swept):
 * - native coin: `value` = the deposit less the gas of moving it (21,000 × gas price), to the hot wallet: the address
 *   is left with exactly what it held beside the deposit;
 * - a token: `transfer(hot wallet, amount)` from the deposit address, after the hot wallet has sent it just the native
 *   gas that transfer may burn (the node's estimate plus a fifth, less any spare native coin already there); what the
 *   transfer does not burn stays there for the address's next sweep.
 * Every transaction is signed and stored before it is sent (a crash resends the same bytes), with the nonce from the
 * sender's evm_accounts row, like payouts.
 */
export async function sweepNetwork(db: Database, net: EvmNetwork): Promise<SweepRun> {
  const run: SweepRun = { network: net.network, started: 0, completed: 0, failed: 0, skipped: 0, waiting: 0 };
  const open = await db
    .select()
    .from(evmSweeps)
    .where(and(eq(evmSweeps.network, net.network), eq(evmSweeps.chain, net.chain), inArray(evmSweeps.status, ['topping_up', 'sweeping'])))
    .orderBy(asc(evmSweeps.createdAt))
    .limit(200);
  const busy = new Set<string>();
  for (const sweep of open) {
    try {
      const after = await advanceSweep(db, net, sweep);
      if (after === 'completed') run.completed++;
      else if (after === 'failed') run.failed++;
      else busy.add(sweep.fromAddress);
    } catch (err) {
      busy.add(sweep.fromAddress);
      logger.warn({ err, sweep: sweep.id }, 'sweep not moved on this run');
    }
  }

  const gasPrice = await gasPriceOf(net);
  if (gasPrice.aboveCap) {
    logger.info({ network: net.network, gasPrice: gasPrice.price.toString() }, 'gas price above the cap: no new sweep this run');
    return run;
  }
  const candidates = await db
    .select({ deposit: cryptoDeposits, address: walletAddresses.address, derivationPath: walletAddresses.derivationPath })
    .from(cryptoDeposits)
    .innerJoin(walletAddresses, eq(walletAddresses.id, cryptoDeposits.walletAddressId))
    .leftJoin(evmSweeps, eq(evmSweeps.depositId, cryptoDeposits.id))
    .where(and(eq(cryptoDeposits.network, net.network), eq(cryptoDeposits.chain, net.chain), eq(cryptoDeposits.status, 'confirmed'), isNull(evmSweeps.id)))
    .orderBy(asc(cryptoDeposits.confirmedAt), asc(cryptoDeposits.id))
    .limit(200);
  const byAddress = new Map<string, Candidate[]>();
  for (const c of candidates) byAddress.set(c.address, [...(byAddress.get(c.address) ?? []), c]);
  for (const [address, list] of byAddress) {
    if (busy.has(address)) continue;
    const next = list.find((c) => c.deposit.currency === net.native) ?? list[0]!;
    try {
      const began = await startSweep(db, net, next, gasPrice.price);
      run[began]++;
    } catch (err) {
      logger.warn({ err, deposit: next.deposit.id }, 'sweep not begun this run');
    }
  }
  return run;
}

/** Begins a deposit's sweep: its first transaction signed, stored and sent; or skipped; or waiting for the hot wallet. */
async function startSweep(db: Database, net: EvmNetwork, candidate: Candidate, gasPrice: bigint): Promise<'started' | 'skipped' | 'waiting' | 'failed'> {
  const { deposit, address } = candidate;
  const sender: EvmSender = { address, derivationPath: candidate.derivationPath, walletAddressId: deposit.walletAddressId, role: 'deposit' };
  const hot = await hotWallet(db, net.network, net.chain);
  const base = { depositId: deposit.id, network: net.network, chain: net.chain, currency: deposit.currency, fromAddress: address, toAddress: hot.address, gasPrice };

  if (deposit.currency === net.native) {
    const balance = await balanceOf(net, address);
    if (balance < deposit.amount) return skip(db, base, `The address holds ${balance} wei, less than the deposit`);
    // The hot wallet is a plain account of KPay's: moving coin to it costs exactly 21,000 gas.
    const gas = PLAIN_TRANSFER_GAS;
    if (deposit.amount <= gas * gasPrice) return skip(db, base, `The deposit does not cover the ${gas * gasPrice} wei of gas moving it costs`);
    const value = deposit.amount - gas * gasPrice;
    const chainNonce = await transactionCountOf(net, address);
    const sent = await db.transaction(async (tx) => {
      const locked = await lockSender(tx, net, sender);
      if (locked.busy || (await sweepingFrom(tx, net, address))) return null;
      const sweep = await insertSweep(tx, { ...base, amount: value, status: 'sweeping', gasLimit: gas });
      if (!sweep) return null;
      return signAndStore(tx, net, locked, chainNonce, { purpose: 'sweep', to: hot.address, value, gas, gasPrice, sweepId: sweep.id });
    });
    return sent ? sendNow(db, net, sent) : 'waiting';
  }

  const contract = currencySettings(deposit.currency).contract;
  if (!contract) throw new Error(`${deposit.currency}: no contract configured on ${net.network} ${net.chain}`);
  const tokenBalance = await tokenBalanceOf(net, contract, address);
  if (tokenBalance < deposit.amount) return skip(db, { ...base, gasPrice: null }, `The address holds ${tokenBalance} token units, less than the deposit`);
  const transfer = { to: contract, value: 0n, data: transferData(hot.address, deposit.amount), token: { contract, amount: deposit.amount } };
  const gas = withMargin(await estimateGas(net, { from: address, ...transfer }));
  const spare = (await balanceOf(net, address)) - (await nativeHeldFor(db, net, deposit.walletAddressId));
  const topUp = gas * gasPrice - (spare > 0n ? spare : 0n);

  if (topUp <= 0n) {
    // Gas enough at the address already (what earlier transfers did not burn): the transfer at once.
    const chainNonce = await transactionCountOf(net, address);
    const sent = await db.transaction(async (tx) => {
      const locked = await lockSender(tx, net, sender);
      if (locked.busy || (await sweepingFrom(tx, net, address))) return null;
      const sweep = await insertSweep(tx, { ...base, amount: deposit.amount, status: 'sweeping', gasLimit: gas });
      if (!sweep) return null;
      return signAndStore(tx, net, locked, chainNonce, { purpose: 'sweep', ...transfer, gas, gasPrice, sweepId: sweep.id });
    });
    return sent ? sendNow(db, net, sent) : 'waiting';
  }

  const at = await tipOf(net);
  const [hotBalance, hotNonce] = await Promise.all([balanceOf(net, hot.address, at), transactionCountOf(net, hot.address, at)]);
  const sent = await db.transaction(async (tx) => {
    const lockedAddress = await lockSender(tx, net, sender);
    if (lockedAddress.busy || (await sweepingFrom(tx, net, address))) return null;
    const lockedHot = await lockSender(tx, net, hot);
    if (lockedHot.busy) return null;
    const committed = await committedFrom(tx, net, hot.address, hotNonce);
    if (hotBalance - committed.native < topUp + PLAIN_TRANSFER_GAS * gasPrice) return null;
    const sweep = await insertSweep(tx, { ...base, amount: deposit.amount, status: 'topping_up', gasLimit: gas });
    if (!sweep) return null;
    return signAndStore(tx, net, lockedHot, hotNonce, { purpose: 'top_up', to: address, value: topUp, gas: PLAIN_TRANSFER_GAS, gasPrice, sweepId: sweep.id });
  });
  return sent ? sendNow(db, net, sent) : 'waiting';
}

/**
 * Moves a sweep on its way one step: the top-up mined -> the token transfer signed and sent; the transfer at the
 * network's confirmations -> completed. A transaction that can never be included fails the sweep (its coins stay at
 * the deposit address, KPay's, for an operator to look at).
 */
async function advanceSweep(db: Database, net: EvmNetwork, sweep: Sweep): Promise<'completed' | 'failed' | 'open'> {
  const sent = await db
    .select()
    .from(evmTransactions)
    .where(and(eq(evmTransactions.sweepId, sweep.id), ne(evmTransactions.status, 'failed')))
    .orderBy(asc(evmTransactions.createdAt));
  const purpose = sweep.status === 'topping_up' ? 'top_up' : 'sweep';
  const current = sent.find((t) => t.purpose === purpose);
  if (!current) return finishSweep(db, net, sweep, 'failed', `No stored ${purpose} transaction`);
  const tracked = await trackTransaction(db, net, current);
  if (tracked.state === 'pending') return 'open';
  if (tracked.state === 'gone') return finishSweep(db, net, sweep, 'failed', `Never included: ${tracked.reason}`, current);
  if (!tracked.success) {
    if (tracked.confirmations < net.confirmations) return 'open';
    return finishSweep(db, net, sweep, 'failed', `The ${purpose === 'top_up' ? 'gas top-up' : 'sweep transfer'} reverted`);
  }
  if (sweep.status === 'sweeping') return tracked.confirmations >= net.confirmations ? finishSweep(db, net, sweep, 'completed', null) : 'open';

  // The gas is at the deposit address: the token transfer, at today's gas price if the gas sent covers it (the price
  // may have moved since the top-up was sized); otherwise it waits for the price to come back within it.
  const [deposit] = await db.select().from(cryptoDeposits).where(eq(cryptoDeposits.id, sweep.depositId));
  const [owner] = await db.select().from(walletAddresses).where(eq(walletAddresses.id, deposit!.walletAddressId));
  const contract = currencySettings(sweep.currency).contract;
  if (!contract) throw new Error(`${sweep.currency}: no contract configured on ${net.network} ${net.chain}`);
  const sender: EvmSender = { address: sweep.fromAddress, derivationPath: owner!.derivationPath, walletAddressId: owner!.id, role: 'deposit' };
  const at = await tipOf(net);
  const [gasPrice, held, chainNonce] = await Promise.all([gasPriceOf(net), balanceOf(net, sweep.fromAddress, at), transactionCountOf(net, sweep.fromAddress, at)]);
  const affordable = (held - (await nativeHeldFor(db, net, deposit!.walletAddressId))) / sweep.gasLimit!;
  if (gasPrice.aboveCap || gasPrice.price > affordable) {
    logger.info({ sweep: sweep.id, gasPrice: gasPrice.price.toString(), affordable: affordable.toString() }, 'sweep transfer waits for the gas price');
    return 'open';
  }
  const transfer: Outgoing = {
    purpose: 'sweep',
    to: contract,
    value: 0n,
    data: transferData(sweep.toAddress, sweep.amount),
    token: { contract, amount: sweep.amount },
    gas: sweep.gasLimit!,
    gasPrice: gasPrice.price,
    sweepId: sweep.id,
  };
  const signed = await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(evmSweeps).where(and(eq(evmSweeps.id, sweep.id), eq(evmSweeps.status, 'topping_up'))).for('update');
    if (!locked) return null;
    const lockedAddress = await lockSender(tx, net, sender);
    if (lockedAddress.busy) return null;
    const stored = await signAndStore(tx, net, lockedAddress, chainNonce, transfer);
    await tx.update(evmSweeps).set({ status: 'sweeping', updatedAt: new Date() }).where(eq(evmSweeps.id, sweep.id));
    return stored;
  });
  if (!signed) return 'open';
  const began = await sendNow(db, net, signed);
  return began === 'failed' ? 'failed' : 'open';
}

/** Sends a sweep's freshly stored transaction; refused for good, the sweep fails (its nonce handed back). */
async function sendNow(db: Database, net: EvmNetwork, sent: EvmTransaction): Promise<'started' | 'failed'> {
  const outcome = await sendStored(net, sent);
  if (outcome.kind === 'accepted') await markBroadcast(db, sent);
  if (outcome.kind === 'refused' || outcome.kind === 'nonce_taken') {
    const [sweep] = await db.select().from(evmSweeps).where(eq(evmSweeps.id, sent.sweepId!));
    await finishSweep(db, net, sweep!, 'failed', `Refused by the node: ${outcome.reason}`, sent);
    return 'failed';
  }
  // retry: the next run's tracking sends the same bytes again.
  return 'started';
}

/**
 * Ends a sweep, once: completed or failed, with the gas its mined transactions burned (every wei KPay paid the chain
 * for it) in `network_fee` and in the ledger: an operator cost, `fees` -> `network_fees` in the network's coin, on the
 * deposit's merchant (whose available, pending and reserved balances it never touches). A transaction that can never
 * be included (`gone`) is failed first, handing its nonce back.
 */
async function finishSweep(db: Database, net: EvmNetwork, sweep: Sweep, to: 'completed' | 'failed', reason: string | null, gone?: EvmTransaction): Promise<'completed' | 'failed'> {
  await db.transaction(async (tx) => {
    // Ended once: the conditional update decides, and only its winner fails the transaction and posts the gas.
    const [ended] = await tx
      .update(evmSweeps)
      .set({ status: to, reason, completedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(evmSweeps.id, sweep.id), inArray(evmSweeps.status, ['topping_up', 'sweeping'])))
      .returning();
    if (!ended) return;
    if (gone) await abandonTransaction(tx, gone, reason ?? 'failed');
    const [fees] = await tx
      .select({ total: sql<string>`coalesce(sum(${evmTransactions.networkFee}), 0)::text` })
      .from(evmTransactions)
      .where(and(eq(evmTransactions.sweepId, sweep.id), inArray(evmTransactions.status, ['mined', 'reverted'])));
    const networkFee = BigInt(fees!.total);
    await tx.update(evmSweeps).set({ networkFee }).where(eq(evmSweeps.id, sweep.id));
    if (networkFee === 0n) return;
    const [deposit] = await tx.select().from(cryptoDeposits).where(eq(cryptoDeposits.id, sweep.depositId));
    await postLedger(tx, {
      userId: deposit!.userId,
      currency: net.native,
      reason: 'sweep_network_fee',
      depositId: deposit!.id,
      paymentId: deposit!.paymentId,
      lines: move('fees', 'network_fees', networkFee),
    });
  });
  if (to === 'failed') logger.warn({ sweep: sweep.id, reason }, 'sweep failed');
  return to;
}

type SweepValues = Omit<typeof evmSweeps.$inferInsert, 'amount' | 'status' | 'gasLimit'>;

/** A deposit with nothing to move: recorded as skipped, so it is looked at once. */
async function skip(db: Database, base: SweepValues, reason: string): Promise<'skipped'> {
  await db.insert(evmSweeps).values({ ...base, amount: 0n, status: 'skipped', reason, completedAt: new Date() }).onConflictDoNothing();
  logger.info({ deposit: base.depositId, reason }, 'deposit not swept');
  return 'skipped';
}

/** The sweep row, unique per deposit: null when another worker began this deposit's sweep first. */
async function insertSweep(tx: Transaction, values: typeof evmSweeps.$inferInsert): Promise<Sweep | null> {
  const [row] = await tx.insert(evmSweeps).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Whether a sweep from this address is on its way (one at a time per address: its balance and nonce are shared). */
async function sweepingFrom(tx: Transaction, net: EvmNetwork, address: string): Promise<boolean> {
  const [open] = await tx
    .select({ id: evmSweeps.id })
    .from(evmSweeps)
    .where(and(eq(evmSweeps.network, net.network), eq(evmSweeps.chain, net.chain), eq(evmSweeps.fromAddress, address), inArray(evmSweeps.status, ['topping_up', 'sweeping'])))
    .limit(1);
  return open !== undefined;
}

/** Native coin at a deposit address that belongs to deposits not yet swept away: a token's gas must not spend it. */
async function nativeHeldFor(db: Database, net: EvmNetwork, walletAddressId: string): Promise<bigint> {
  const [held] = await db
    .select({ total: sql<string>`coalesce(sum(${cryptoDeposits.amount}), 0)::text` })
    .from(cryptoDeposits)
    .leftJoin(evmSweeps, eq(evmSweeps.depositId, cryptoDeposits.id))
    .where(
      and(
        eq(cryptoDeposits.walletAddressId, walletAddressId),
        eq(cryptoDeposits.currency, net.native),
        ne(cryptoDeposits.status, 'orphaned'),
        or(isNull(evmSweeps.id), inArray(evmSweeps.status, ['topping_up', 'sweeping', 'failed'])),
      ),
    );
  return BigInt(held!.total);
}
