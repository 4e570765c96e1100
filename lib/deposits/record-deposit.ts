import { and, eq, ne } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { cryptoDeposits, cryptoPaymentEvents, cryptoPayments, evmTransactions, walletAddresses } from '@/db/schema';
import type { ChainTransfer } from '@/lib/chains/chain-adapter';
import { type Chain, FAMILY_OF, type Network } from '@/lib/currencies/networks';
import { move, postLedger } from '@/lib/ledger/post-ledger';

export interface DepositPlace {
  network: Network;
  chain: Chain;
  /** Null while the transfer waits in the mempool. */
  block: { height: number; hash: string } | null;
}

/**
 * Records money seen arriving at one of KPay's deposit addresses, once: a transfer already recorded (unique on
 * network, chain, tx hash and output index) only moves into its block, and an orphaned one seen again (re-mined on the
 * new branch, or back in the mempool) is counted again. A newly counted deposit is credited to the merchant's pending
 * balance in the same database transaction; a deposit to an address whose payment completed or expired is credited
 * all the same (money is never lost). Returns the payment it belongs to, or null for an address that is not a deposit
 * address (ignored). The transfer's currency must be the payment's: a token sent to an ETH payment's address is
 * recorded against that payment only when the currencies match; otherwise it is kept for the merchant on its own
 * currency's balance without moving the payment (see settleCryptoPayment, which counts the payment's currency only).
 */
export async function recordDeposit(tx: Transaction, transfer: ChainTransfer, place: DepositPlace): Promise<string | null> {
  const [owner] = await tx
    .select({ addressId: walletAddresses.id, paymentId: cryptoPayments.id, userId: cryptoPayments.userId })
    .from(walletAddresses)
    .innerJoin(cryptoPayments, eq(cryptoPayments.walletAddressId, walletAddresses.id))
    .where(and(eq(walletAddresses.network, place.network), eq(walletAddresses.chain, place.chain), eq(walletAddresses.address, transfer.to)));
  if (!owner) return null;
  // A transaction KPay signed itself (the hot wallet's gas top-up before a token sweep) moves KPay's own coins: no payment.
  if (FAMILY_OF[place.network] === 'evm') {
    const [own] = await tx
      .select({ id: evmTransactions.id })
      .from(evmTransactions)
      .where(and(eq(evmTransactions.network, place.network), eq(evmTransactions.chain, place.chain), eq(evmTransactions.txHash, transfer.txHash), ne(evmTransactions.status, 'failed')))
      .limit(1);
    if (own) return null;
  }

  const key = and(
    eq(cryptoDeposits.network, place.network),
    eq(cryptoDeposits.chain, place.chain),
    eq(cryptoDeposits.txHash, transfer.txHash),
    eq(cryptoDeposits.outputIndex, transfer.outputIndex),
  );
  const now = new Date();
  const [inserted] = await tx
    .insert(cryptoDeposits)
    .values({
      network: place.network,
      chain: place.chain,
      txHash: transfer.txHash,
      outputIndex: transfer.outputIndex,
      walletAddressId: owner.addressId,
      paymentId: owner.paymentId,
      userId: owner.userId,
      currency: transfer.currency,
      amount: transfer.amount,
      blockHeight: place.block?.height ?? null,
      blockHash: place.block?.hash ?? null,
      confirmations: place.block ? 1 : 0,
      seenAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (inserted) {
    await credit(tx, inserted, 'deposit_seen', now);
    return owner.paymentId;
  }

  const [existing] = await tx.select().from(cryptoDeposits).where(key).for('update');
  if (!existing) return null;
  if (existing.status === 'orphaned') {
    const [revived] = await tx
      .update(cryptoDeposits)
      .set({ status: 'seen', blockHeight: place.block?.height ?? null, blockHash: place.block?.hash ?? null, confirmations: place.block ? 1 : 0, updatedAt: now })
      .where(and(key, eq(cryptoDeposits.status, 'orphaned')))
      .returning();
    if (revived) await credit(tx, revived, 'deposit_seen_again', now);
  } else if (place.block && existing.blockHash !== place.block.hash) {
    // From the mempool into a block (or into a block of a new branch): where it is now; confirmations count from it.
    await tx
      .update(cryptoDeposits)
      .set({ blockHeight: place.block.height, blockHash: place.block.hash, confirmations: Math.max(existing.confirmations, 1), updatedAt: now })
      .where(key);
  }
  return owner.paymentId;
}

async function credit(tx: Transaction, deposit: typeof cryptoDeposits.$inferSelect, reason: string, now: Date): Promise<void> {
  await postLedger(tx, {
    userId: deposit.userId,
    currency: deposit.currency,
    reason,
    depositId: deposit.id,
    paymentId: deposit.paymentId,
    lines: move('chain_in', 'pending', deposit.amount),
  });
  await tx.insert(cryptoPaymentEvents).values({
    paymentId: deposit.paymentId,
    type: reason,
    actor: 'chain',
    data: { tx_hash: deposit.txHash, output_index: deposit.outputIndex, amount: deposit.amount.toString(), currency: deposit.currency, block_height: deposit.blockHeight },
    createdAt: now,
  });
}
