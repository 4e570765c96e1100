import { and, eq, gt, inArray, ne } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { cryptoDeposits, cryptoPaymentEvents, walletOutputs } from '@/db/schema';
import type { Chain, Network } from '@/lib/currencies/networks';
import { move, postLedger } from '@/lib/ledger/post-ledger';

/**
 * A reorg: the network's blocks above `forkHeight` left the best chain. Their deposits become `orphaned` and what they
 * credited is taken back (from available when confirmed, from pending when not), each once. If a transaction comes
 * back (re-mined on the new branch, or in the mempool), recordDeposit counts it again. Returns the payments touched.
 */
export async function orphanDepositsAbove(tx: Transaction, network: Network, chain: Chain, forkHeight: number): Promise<string[]> {
  const gone = await tx
    .select()
    .from(cryptoDeposits)
    .where(and(eq(cryptoDeposits.network, network), eq(cryptoDeposits.chain, chain), gt(cryptoDeposits.blockHeight, forkHeight), ne(cryptoDeposits.status, 'orphaned')))
    .orderBy(cryptoDeposits.id)
    .for('update');
  if (gone.length === 0) return [];
  await tx
    .update(cryptoDeposits)
    .set({ status: 'orphaned', confirmations: 0, confirmedAt: null, blockHeight: null, blockHash: null })
    .where(inArray(cryptoDeposits.id, gone.map((d) => d.id)));
  // Their coins are no longer the wallet's to spend. One already in a withdrawal is orphaned too: that transaction will
  // be refused and fail, and failing gives back only `spending` coins, so a dead coin never returns to the pool.
  await tx
    .update(walletOutputs)
    .set({ status: 'orphaned' })
    .where(
      and(
        eq(walletOutputs.network, network),
        eq(walletOutputs.chain, chain),
        inArray(walletOutputs.status, ['unspent', 'spending']),
        inArray(walletOutputs.txHash, gone.map((d) => d.txHash)),
      ),
    );
  for (const deposit of gone) {
    await postLedger(tx, {
      userId: deposit.userId,
      currency: deposit.currency,
      reason: 'deposit_orphaned',
      depositId: deposit.id,
      paymentId: deposit.paymentId,
      lines: move(deposit.status === 'confirmed' ? 'available' : 'pending', 'chain_in', deposit.amount),
    });
    await tx.insert(cryptoPaymentEvents).values({
      paymentId: deposit.paymentId,
      type: 'deposit_orphaned',
      actor: 'chain',
      data: { tx_hash: deposit.txHash, output_index: deposit.outputIndex, block_height: deposit.blockHeight, block_hash: deposit.blockHash },
    });
  }
  return [...new Set(gone.map((d) => d.paymentId))];
}
