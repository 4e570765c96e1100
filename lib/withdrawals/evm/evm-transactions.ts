import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { getAddress, type Hex, keccak256, toHex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Database, Executor, Transaction } from '@/db/client';
import { evmAccounts, evmTransactions } from '@/db/schema';
import { JsonRpcError } from '@/lib/chains/json-rpc';
import { logger } from '@/lib/observability/logger';
import { processWallet } from '@/lib/wallet/process-wallet';
import { type EvmNetwork, nodeWords, tipOf, transactionCountOf } from './evm-network';
import type { EvmSender } from './hot-wallet';

export type EvmTransaction = typeof evmTransactions.$inferSelect;

/** What a KPay address is about to send: native coin to `to`, or (with `data`) a token transfer through contract `to`. */
export interface Outgoing {
  purpose: EvmTransaction['purpose'];
  to: string;
  value: bigint;
  data?: Hex;
  /** A token transfer's contract and amount: what it takes from the sender's token balance. */
  token?: { contract: string; amount: bigint };
  gas: bigint;
  gasPrice: bigint;
  withdrawalId?: string;
  sweepId?: string;
}

/** A sender's nonce row, locked for the rest of the caller's database transaction. */
export interface LockedSender {
  sender: EvmSender;
  nextNonce: number;
  /** One of its transactions is signed but no node has taken it yet: nothing more is signed until it is sent or failed. */
  busy: boolean;
}

/**
 * Locks the sender's nonce row (select … for update; created at its first transaction) until the caller's database
 * transaction ends: every signer of this address waits here, so nonces are handed out one at a time.
 */
export async function lockSender(tx: Transaction, net: EvmNetwork, sender: EvmSender): Promise<LockedSender> {
  const key = and(eq(evmAccounts.network, net.network), eq(evmAccounts.chain, net.chain), eq(evmAccounts.address, sender.address));
  await tx
    .insert(evmAccounts)
    .values({ network: net.network, chain: net.chain, address: sender.address, walletAddressId: sender.walletAddressId, role: sender.role })
    .onConflictDoNothing();
  const [row] = await tx.select().from(evmAccounts).where(key).for('update');
  const [waiting] = await tx
    .select({ id: evmTransactions.id })
    .from(evmTransactions)
    .where(and(eq(evmTransactions.network, net.network), eq(evmTransactions.chain, net.chain), eq(evmTransactions.fromAddress, sender.address), eq(evmTransactions.status, 'signed')))
    .limit(1);
  return { sender, nextNonce: row!.nextNonce, busy: waiting !== undefined };
}

/**
 * What the sender's transactions not yet in a block will still take from it: native coin (value plus the most gas they
 * may burn) and each token. The node's `latest` balance does not show them yet; a payout must fit beside them. Those
 * whose nonce is below `chainNonce` (the sender's transaction count at that balance's block) are in it already.
 */
export async function committedFrom(
  tx: Executor,
  net: EvmNetwork,
  address: string,
  chainNonce: number,
): Promise<{ native: bigint; token: (contract: string) => bigint }> {
  const rows = await tx
    .select({
      native: sql<string>`coalesce(sum(${evmTransactions.value} + ${evmTransactions.gasLimit} * ${evmTransactions.gasPrice}), 0)::text`,
      contract: sql<string | null>`lower(${evmTransactions.tokenContract})`,
      tokens: sql<string>`coalesce(sum(${evmTransactions.tokenAmount}), 0)::text`,
    })
    .from(evmTransactions)
    .where(
      and(
        eq(evmTransactions.network, net.network),
        eq(evmTransactions.chain, net.chain),
        eq(evmTransactions.fromAddress, address),
        inArray(evmTransactions.status, ['signed', 'broadcast']),
        gte(evmTransactions.nonce, chainNonce),
      ),
    )
    .groupBy(sql`lower(${evmTransactions.tokenContract})`);
  const native = rows.reduce((sum, r) => sum + BigInt(r.native), 0n);
  return { native, token: (contract) => BigInt(rows.find((r) => r.contract === contract.toLowerCase())?.tokens ?? '0') };
}

/**
 * Signs `outgoing` with the sender's HD key (viem, a legacy EIP-155 transaction: it pays exactly gas used × gas price,
 * so a sweep can empty an address to the wei) and stores it, in the caller's database transaction and under the nonce
 * row `lockSender` holds: the nonce is the row's next one (or the chain's count, if someone else used the key), and the
 * row moves on in the same transaction that stores the signed bytes and their hash. Nothing is sent here.
 */
export async function signAndStore(tx: Transaction, net: EvmNetwork, locked: LockedSender, chainNonce: number, outgoing: Outgoing): Promise<EvmTransaction> {
  if (locked.busy) throw new Error(`${locked.sender.address} has a signed transaction no node has taken yet`);
  const nonce = Math.max(locked.nextNonce, chainNonce);
  // The key lives only for this signature: never logged, never stored, never in an error.
  const account = privateKeyToAccount(toHex(processWallet().privateKeyAt(locked.sender.derivationPath)));
  if (account.address !== getAddress(locked.sender.address)) throw new Error(`the key at ${locked.sender.derivationPath} is not ${locked.sender.address}'s`);
  const signed = await account.signTransaction({
    type: 'legacy',
    chainId: net.chainId,
    nonce,
    gasPrice: outgoing.gasPrice,
    gas: outgoing.gas,
    to: getAddress(outgoing.to),
    value: outgoing.value,
    ...(outgoing.data && { data: outgoing.data }),
  });
  const [stored] = await tx
    .insert(evmTransactions)
    .values({
      network: net.network,
      chain: net.chain,
      fromAddress: locked.sender.address,
      nonce,
      purpose: outgoing.purpose,
      withdrawalId: outgoing.withdrawalId,
      sweepId: outgoing.sweepId,
      toAddress: getAddress(outgoing.to),
      value: outgoing.value,
      tokenContract: outgoing.token ? getAddress(outgoing.token.contract) : null,
      tokenAmount: outgoing.token?.amount ?? null,
      gasLimit: outgoing.gas,
      gasPrice: outgoing.gasPrice,
      signedTransaction: signed,
      txHash: keccak256(signed),
    })
    .returning();
  await tx
    .update(evmAccounts)
    .set({ nextNonce: nonce + 1, updatedAt: new Date() })
    .where(and(eq(evmAccounts.network, net.network), eq(evmAccounts.chain, net.chain), eq(evmAccounts.address, locked.sender.address)));
  return stored!;
}

export type SendOutcome =
  /** A node has these bytes now (taken, or it already had them: a retry after a crash). */
  | { kind: 'accepted' }
  /** Refused for good: the transaction can never be included as signed. */
  | { kind: 'refused'; reason: string }
  /** Another transaction of the sender, final on the chain, took this nonce: these bytes can never be included. */
  | { kind: 'nonce_taken'; reason: string }
  /** No answer, or an answer that may change (try again next run). */
  | { kind: 'retry'; reason: string };

// What nodes answer when a transaction, or one with its nonce, is already there (geth, erigon, BSC, Hardhat).
const NONCE_TOO_LOW = /nonce too low|nonce has already been used|OldNonce/i;
const ALREADY_KNOWN = /already known|known transaction|already imported|already in (the )?(mempool|pool)/i;
// Answers that are no verdict on the transaction: an earlier one missing (a nonce gap), a provider's limits.
const NOT_A_VERDICT = /nonce too high|rate limit|too many requests|limit exceeded|txpool is full|timeout|timed out|temporar|busy|try again/i;

/**
 * Sends stored bytes (eth_sendRawTransaction): the same bytes every time, so a retry after a crash can only ever
 * include this transaction once. "Already known" or "nonce too low" with our own hash at the node means it was sent
 * before. "Nonce too low" without it means another transaction took the nonce: counted as refused only once that
 * nonce is used in a block `confirmations` deep.
 */
export async function sendStored(net: EvmNetwork, sent: EvmTransaction): Promise<SendOutcome> {
  try {
    await net.rpc('eth_sendRawTransaction', [sent.signedTransaction]);
    return { kind: 'accepted' };
  } catch (error) {
    const reason = nodeWords(error as Error);
    if (!(error instanceof JsonRpcError)) return { kind: 'retry', reason };
    const known = await net.rpc<unknown>('eth_getTransactionByHash', [sent.txHash]).catch(() => undefined);
    if (known === undefined) return { kind: 'retry', reason };
    if (known !== null) return { kind: 'accepted' };
    if (NONCE_TOO_LOW.test(reason)) return (await nonceUsedDeep(net, sent)) ? { kind: 'nonce_taken', reason } : { kind: 'retry', reason };
    if (ALREADY_KNOWN.test(reason) || NOT_A_VERDICT.test(reason)) return { kind: 'retry', reason };
    return { kind: 'refused', reason };
  }
}

/** Whether the sender's nonce of `sent` is used by a block `confirmations` below the tip (not by a reorg-able one). */
async function nonceUsedDeep(net: EvmNetwork, sent: EvmTransaction): Promise<boolean> {
  const deep = (await tipOf(net)) - BigInt(net.confirmations) + 1n;
  if (deep < 0n) return false;
  return (await transactionCountOf(net, sent.fromAddress, deep)) > sent.nonce;
}

/** A node took it: `signed` -> `broadcast` (once; a transaction already further on is left as it is). */
export async function markBroadcast(tx: Transaction | Database, sent: EvmTransaction): Promise<void> {
  await tx.update(evmTransactions).set({ status: 'broadcast', updatedAt: new Date() }).where(and(eq(evmTransactions.id, sent.id), eq(evmTransactions.status, 'signed')));
}

/**
 * A transaction that can never be included: `failed`, and its nonce handed back when it is still the sender's last
 * (the next transaction then takes it, so no gap stalls the ones after it). A nonce someone else used is not handed
 * back in effect: the next signature takes the chain's count when that is higher.
 */
export async function abandonTransaction(tx: Transaction, sent: EvmTransaction, reason: string): Promise<boolean> {
  const [failed] = await tx
    .update(evmTransactions)
    .set({ status: 'failed', failureReason: reason, updatedAt: new Date() })
    .where(and(eq(evmTransactions.id, sent.id), inArray(evmTransactions.status, ['signed', 'broadcast'])))
    .returning({ id: evmTransactions.id });
  if (!failed) return false;
  await tx
    .update(evmAccounts)
    .set({ nextNonce: sent.nonce, updatedAt: new Date() })
    .where(and(eq(evmAccounts.network, sent.network), eq(evmAccounts.chain, sent.chain), eq(evmAccounts.address, sent.fromAddress), eq(evmAccounts.nextNonce, sent.nonce + 1)));
  return true;
}

interface Receipt {
  status: Hex;
  blockNumber: Hex;
  gasUsed: Hex;
  effectiveGasPrice?: Hex;
}

export type Tracked =
  | { state: 'pending' }
  /** In a block of the best chain: `success` false when it reverted (its gas is spent all the same). */
  | { state: 'mined'; success: boolean; confirmations: number; networkFee: bigint }
  /** It can never be included (refused before any node took it, or its nonce taken): the caller fails what it paid. */
  | { state: 'gone'; reason: string };

/**
 * Follows a sent transaction: its receipt (eth_getTransactionReceipt) and block give its confirmations and what its
 * gas cost; without one, a node that has forgotten it (dropped from its pool, or a reorg) gets the same bytes again.
 * A transaction no node ever took and that is refused for good, or whose nonce another transaction used, is gone.
 */
export async function trackTransaction(db: Database, net: EvmNetwork, sent: EvmTransaction): Promise<Tracked> {
  const receipt = await net.rpc<Receipt | null>('eth_getTransactionReceipt', [sent.txHash]);
  if (!receipt) {
    if (sent.status === 'mined' || sent.status === 'reverted') {
      // Its block left the best chain: it is a sent transaction again until it is mined anew.
      await db.update(evmTransactions).set({ status: 'broadcast', blockNumber: null, gasUsed: null, networkFee: null, updatedAt: new Date() }).where(eq(evmTransactions.id, sent.id));
    }
    if ((await net.rpc<unknown>('eth_getTransactionByHash', [sent.txHash])) !== null) {
      // In the node's pool (taken before a crash kept us from noting it): its sender may sign the next one.
      await markBroadcast(db, sent);
      return { state: 'pending' };
    }
    const outcome = await sendStored(net, sent);
    if (outcome.kind === 'accepted') await markBroadcast(db, sent);
    if (outcome.kind === 'nonce_taken' || (outcome.kind === 'refused' && sent.status === 'signed')) return { state: 'gone', reason: outcome.reason };
    // A transaction a node once took may be refused for now (its gas price under today's base fee): sent again later.
    if (outcome.kind !== 'accepted') logger.warn({ network: sent.network, tx: sent.txHash, reason: outcome.reason }, 'sent transaction not at the node; sending again later');
    return { state: 'pending' };
  }
  const block = BigInt(receipt.blockNumber);
  const confirmations = Number((await tipOf(net)) - block + 1n);
  const success = receipt.status === '0x1';
  const networkFee = BigInt(receipt.gasUsed) * (receipt.effectiveGasPrice ? BigInt(receipt.effectiveGasPrice) : sent.gasPrice);
  await db
    .update(evmTransactions)
    .set({ status: success ? 'mined' : 'reverted', blockNumber: Number(block), gasUsed: BigInt(receipt.gasUsed), networkFee, updatedAt: new Date() })
    .where(eq(evmTransactions.id, sent.id));
  return { state: 'mined', success, confirmations, networkFee };
}
