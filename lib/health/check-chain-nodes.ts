import 'server-only';
import { database } from '@/db/client';
import { chainCursors } from '@/db/schema';
import { watchedNetworks } from '@/lib/chains/chain-adapter-for';
import type { Network } from '@/lib/currencies/networks';
import { logger } from '@/lib/observability/logger';
import { TimeoutError, withTimeout } from './with-timeout';

/** Per node: a dead or blackholed node marks it down this fast instead of after the adapter's own 30 s. */
export const NODE_TIMEOUT_MS = 2_000;

interface NodeBase {
  network: Network;
  chain: string;
  /** The watcher's stored cursor (chain_cursors): the last block it scanned; null before its first run. */
  cursorHeight: number | null;
}
export type ChainNodeState =
  | (NodeBase & { ok: true; tipHeight: number; lagBlocks: number | null })
  | (NodeBase & { ok: false; problem: string });

/**
 * Each configured node's tip against the watcher's cursor: the lag in blocks. A failure is described without the
 * node's address or the error's text, which name the host (and this answer is public); the log has the details.
 */
export async function checkChainNodes(): Promise<ChainNodeState[]> {
  const networks = watchedNetworks();
  if (!networks.length) return [];
  const cursors = await readCursors();
  return Promise.all(
    networks.map(async ({ network, chain, adapter }): Promise<ChainNodeState> => {
      const cursorHeight = cursors.find((c) => c.network === network && c.chain === chain)?.height ?? null;
      try {
        const tip = await withTimeout(adapter.tip(), NODE_TIMEOUT_MS);
        const lagBlocks = cursorHeight === null ? null : Math.max(0, tip.height - cursorHeight);
        return { network, chain, cursorHeight, ok: true, tipHeight: tip.height, lagBlocks };
      } catch (error) {
        logger.warn({ network, err: error }, 'chain node check failed');
        const problem = error instanceof TimeoutError ? error.message : 'the node refused or could not be reached';
        return { network, chain, cursorHeight, ok: false, problem };
      }
    }),
  );
}

/** The cursors, or none when the database is down: the nodes are still checked (the database check reports it). */
async function readCursors() {
  const read = async () =>
    (await database()).select({ network: chainCursors.network, chain: chainCursors.chain, height: chainCursors.height }).from(chainCursors);
  try {
    return await withTimeout(read(), NODE_TIMEOUT_MS);
  } catch {
    return [];
  }
}
