import { and, eq, gt, isNotNull, lte, sql } from 'drizzle-orm';
import type { Transaction } from '@/db/client';
import { cryptoDeposits, cryptoPaymentEvents, cryptoPayments, walletOutputs } from '@/db/schema';
import { type Chain, FAMILY_OF, type Network } from '@/lib/currencies/networks';
import { move, postLedger } from '@/lib/ledger/post-ledger';

/**
 * Recounts the confirmations of the network's deposits still `seen` in blocks, at the best chain's `tipHeight`, and
 * confirms each one that reaches its payment's requirement: `confirmed`, and its amount moves from the merchant's
 * pending balance to available, once (the conditional update on status decides). Confirmed deposits are not counted
 * further (their count stays where it confirmed; a reorg is found by block hashes, not counts), so a block costs what
 * is still open, never the whole history. Returns the payments whose deposits changed.
 */
export async function recountConfirmations(tx: Transaction, network: Network, chain: Chain, tipHeight: number): Promise<string[]> {
  const place = and(eq(cryptoDeposits.network, network), eq(cryptoDeposits.chain, chain), isNotNull(cryptoDeposits.blockHeight));
  const changed = await tx
    .update(cryptoDeposits)
    .set({ confirmations: sql`${tipHeight} - ${cryptoDeposits.blockHeight} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        place,
        eq(cryptoDeposits.status, 'seen'),
        sql`${cryptoDeposits.confirmations} <> ${tipHeight} - ${cryptoDeposits.blockHeight} + 1`,
        lte(cryptoDeposits.blockHeight, tipHeight),
      ),
    )
    .returning({ paymentId: cryptoDeposits.paymentId });

  const due = await tx
    .update(cryptoDeposits)
    .set({ status: 'confirmed', confirmedAt: sql`now()` })
    .from(cryptoPayments)
    .where(
      and(
        place,
        eq(cryptoDeposits.status, 'seen'),
        eq(cryptoPayments.id, cryptoDeposits.paymentId),
        gt(cryptoDeposits.confirmations, 0),
        sql`${cryptoDeposits.confirmations} >= ${cryptoPayments.requiredConfirmations}`,
      ),
    )
    .returning();
  for (const deposit of due) {
    // A confirmed UTXO deposit is a coin the wallet may spend for withdrawals (EVM and TRON balances live at the address).
    if (FAMILY_OF[network] === 'utxo') {
      await tx
        .insert(walletOutputs)
        .values({ network, chain, txHash: deposit.txHash, outputIndex: deposit.outputIndex, walletAddressId: deposit.walletAddressId, amount: deposit.amount, status: 'unspent' })
        .onConflictDoUpdate({ target: [walletOutputs.network, walletOutputs.chain, walletOutputs.txHash, walletOutputs.outputIndex], set: { status: 'unspent' }, where: eq(walletOutputs.status, 'orphaned') });
    }
    await postLedger(tx, {
      userId: deposit.userId,
      currency: deposit.currency,
      reason: 'deposit_confirmed',
      depositId: deposit.id,
      paymentId: deposit.paymentId,
      lines: move('pending', 'available', deposit.amount),
    });
    await tx.insert(cryptoPaymentEvents).values({
      paymentId: deposit.paymentId,
      type: 'deposit_confirmed',
      actor: 'chain',
      data: { tx_hash: deposit.txHash, output_index: deposit.outputIndex, confirmations: deposit.confirmations },
    });
  }
  return [...new Set([...changed.map((c) => c.paymentId), ...due.map((d) => d.paymentId)])];
}
