import { eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { withdrawals } from '@/db/schema';
import { createJsonRpcClient } from '@/lib/chains/json-rpc';
import { config } from '@/lib/config/config';
import { FAMILY_OF } from '@/lib/currencies/networks';
import { logger } from '@/lib/observability/logger';
import { approveIfReady } from './approve-withdrawal';
import { connectEvmNetwork, type EvmNetwork, type EvmNetworkName } from './evm/evm-network';
import { broadcastEvmWithdrawal, signEvmWithdrawal, trackEvmWithdrawal } from './evm/send-evm-withdrawal';
import { broadcastUtxoWithdrawal, signUtxoWithdrawal, trackUtxoWithdrawal } from './utxo/send-utxo-withdrawal';

type Withdrawal = typeof withdrawals.$inferSelect;

/**
 * One run of the payout job: pending withdrawals that need no more approval become approved; approved ones are signed;
 * signed ones are broadcast (the stored bytes, also after a crash); broadcast ones are followed to completion. UTXO
 * networks pay from the wallet's coins, EVM networks from their hot wallet (lib/withdrawals/evm); TRON withdrawals
 * stay pending, cancellable, until their sender exists (approveIfReady; docs/withdrawals.md says so). Each withdrawal moves in its own database
 * transaction, guarded by its status, so two workers never send one twice.
 */
export async function processWithdrawals(db: Database): Promise<void> {
  const open = await db.select().from(withdrawals).where(inArray(withdrawals.status, ['pending', 'approved', 'signed', 'broadcast'])).limit(200);
  // Each EVM network's node is asked for its chain id once per run, not once per withdrawal.
  const evm = new Map<EvmNetworkName, Promise<EvmNetwork | null>>();
  for (const withdrawal of open) {
    const { nodeUrl, chain } = config().crypto.networks[withdrawal.network];
    try {
      if (withdrawal.status === 'pending') {
        await db.transaction((tx) => approveIfReady(tx, withdrawal.id));
        continue;
      }
      if (!nodeUrl || withdrawal.chain !== chain) continue;
      const family = FAMILY_OF[withdrawal.network];
      if (family === 'utxo') await payUtxo(db, nodeUrl, withdrawal);
      if (family === 'evm') {
        const network = withdrawal.network as EvmNetworkName;
        if (!evm.has(network)) evm.set(network, connectEvmNetwork(network));
        const net = await evm.get(network)!;
        if (net) await payEvm(db, net, withdrawal);
      }
    } catch (err) {
      // One withdrawal's trouble (a node down) must not hold the others; it is tried again next run.
      logger.warn({ err, withdrawal: withdrawal.id }, 'withdrawal not processed this run');
    }
  }
}

async function payUtxo(db: Database, nodeUrl: string, withdrawal: Withdrawal): Promise<void> {
  const rpc = createJsonRpcClient(nodeUrl, { version: '1.0' });
  if (withdrawal.status === 'approved') await signUtxoWithdrawal(db, rpc, withdrawal);
  const current = await reread(db, withdrawal.id);
  if (current?.status === 'signed') await broadcastUtxoWithdrawal(db, rpc, current);
  const sent = await reread(db, withdrawal.id);
  if (sent?.status === 'broadcast') await trackUtxoWithdrawal(db, rpc, sent);
}

async function payEvm(db: Database, net: EvmNetwork, withdrawal: Withdrawal): Promise<void> {
  if (withdrawal.status === 'approved') await signEvmWithdrawal(db, net, withdrawal);
  const current = await reread(db, withdrawal.id);
  if (current?.status === 'signed') await broadcastEvmWithdrawal(db, net, current);
  const sent = await reread(db, withdrawal.id);
  if (sent?.status === 'broadcast') await trackEvmWithdrawal(db, net, sent);
}

const reread = async (db: Database, id: string): Promise<Withdrawal | undefined> => (await db.select().from(withdrawals).where(eq(withdrawals.id, id)))[0];
