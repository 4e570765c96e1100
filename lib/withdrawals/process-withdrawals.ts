import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { withdrawals } from '@/db/schema';
import { createJsonRpcClient } from '@/lib/chains/json-rpc';
import { config } from '@/lib/config/config';
import { FAMILY_OF } from '@/lib/currencies/networks';
import { logger } from '@/lib/observability/logger';
import { approveIfReady } from './approve-withdrawal';
import { broadcastUtxoWithdrawal, signUtxoWithdrawal, trackUtxoWithdrawal } from './utxo/send-utxo-withdrawal';

/**
 * One run of the payout job: pending withdrawals that need no more approval become approved; approved ones are signed;
 * signed ones are broadcast (the stored bytes, also after a crash); broadcast ones are followed to completion. UTXO
 * networks are paid out here; EVM and TRON withdrawals wait approved until their sender exists (the README says so).
 * Each withdrawal moves in its own database transaction, guarded by its status, so two workers never send one twice.
 */
export async function processWithdrawals(db: Database): Promise<void> {
  const open = await db.select().from(withdrawals).where(inArray(withdrawals.status, ['pending', 'approved', 'signed', 'broadcast'])).limit(200);
  for (const withdrawal of open) {
    const { nodeUrl } = config().crypto.networks[withdrawal.network];
    try {
      if (withdrawal.status === 'pending') {
        await db.transaction((tx) => approveIfReady(tx, withdrawal.id));
        continue;
      }
      if (FAMILY_OF[withdrawal.network] !== 'utxo' || !nodeUrl || withdrawal.chain !== config().crypto.networks[withdrawal.network].chain) continue;
      const rpc = createJsonRpcClient(nodeUrl, { version: '1.0' });
      if (withdrawal.status === 'approved') await signUtxoWithdrawal(db, rpc, withdrawal);
      const [current] = await db.select().from(withdrawals).where(eq(withdrawals.id, withdrawal.id));
      if (current?.status === 'signed') await broadcastUtxoWithdrawal(db, rpc, current);
      const [sent] = await db.select().from(withdrawals).where(eq(withdrawals.id, withdrawal.id));
      if (sent?.status === 'broadcast') await trackUtxoWithdrawal(db, rpc, sent);
    } catch (err) {
      // One withdrawal's trouble (a node down) must not hold the others; it is tried again next run.
      logger.warn({ err, withdrawal: withdrawal.id }, 'withdrawal not processed this run');
    }
  }
}
