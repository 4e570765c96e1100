import { randomUUID } from 'node:crypto';
import { and, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import type { Database, Transaction } from '@/db/client';
import { chainBlocks, chainCursors, walletAddresses } from '@/db/schema';
import type { ChainAdapter, ChainBlock, ChainTip } from '@/lib/chains/chain-adapter';
import type { Chain, Network } from '@/lib/currencies/networks';
import { orphanDepositsAbove } from './orphan-deposits';
import { recordDeposit } from './record-deposit';
import { recountConfirmations } from './recount-confirmations';
import { settleCryptoPayment } from './settle-crypto-payment';

export interface ScanOptions {
  network: Network;
  chain: Chain;
  /** Blocks read per run at most: a watcher far behind catches up over several runs, each short. */
  maxBlocks?: number;
  /** Where a watcher that has never run starts: this many blocks below the tip. */
  startBelowTip?: number;
  /** Blocks of the scanned chain kept for finding a fork point. */
  keepBlocks?: number;
  /** How long a run holds the network before another process may take it over (a crashed watcher's lease runs out). */
  leaseSeconds?: number;
  /** Who runs: one id per process (default), so a process renews its own lease. */
  owner?: string;
}

export interface ScanResult {
  /** false: another process holds this network's watcher; nothing was done. */
  ran: boolean;
  scannedTo: number;
  blocks: number;
  deposits: number;
  reorgs: number;
}

const PROCESS_OWNER = `${process.pid}-${randomUUID()}`;

/** A block written with the cursor it was read after lost to another writer: nothing of it is kept. */
class LostCursor extends Error {}

/**
 * One run of a network's watcher: read the blocks after the last one scanned (bounded per run), record the transfers
 * to KPay's addresses, roll back what a reorg orphaned, read the mempool, recount confirmations and settle the payments
 * touched. The node is read outside any database transaction; each block is then written in one short transaction
 * with the cursor, on the condition that the cursor is still where this run read it, so a crash resumes after the
 * last block written and no block is recorded twice, whoever writes. One watcher per network runs at a time: a run
 * takes the network's lease on its cursor row, and a process that dies lets the lease run out so another takes over.
 * A deposit's unique output index is the last word on counting it once.
 */
export async function scanNetwork(db: Database, adapter: ChainAdapter, options: ScanOptions): Promise<ScanResult> {
  const { network, chain } = options;
  const place = { network, chain };
  const owner = options.owner ?? PROCESS_OWNER;
  const result: ScanResult = { ran: false, scannedTo: -1, blocks: 0, deposits: 0, reorgs: 0 };

  const tip = await adapter.tip();
  const start = Math.max(0, tip.height - (options.startBelowTip ?? 6));
  const cursor = await claimNetwork(db, place, owner, options.leaseSeconds ?? 60, () => adapter.blockHash(start).then((hash) => ({ height: start, hash })));
  if (!cursor) return result;
  result.ran = true;

  try {
    return await scanClaimed(db, adapter, options, cursor, tip, result);
  } finally {
    // Let the network go at once: the next run, in whichever process, need not wait for the lease to run out.
    await db
      .update(chainCursors)
      .set({ leaseUntil: null })
      .where(and(eq(chainCursors.network, network), eq(chainCursors.chain, chain), eq(chainCursors.leaseOwner, owner)));
  }
}

async function scanClaimed(db: Database, adapter: ChainAdapter, options: ScanOptions, start: Cursor, tip: ChainTip, result: ScanResult): Promise<ScanResult> {
  const { network, chain } = options;
  const place = { network, chain };
  const maxBlocks = options.maxBlocks ?? 100;
  let cursor = start;
  const watched = await watchedAddresses(db, place);
  const isWatched = (address: string) => watched.has(address);
  const touched = new Set<string>();
  try {
    // The chain got shorter, or its block at the cursor's height changed: a reorg no new block has shown yet.
    if (cursor.height > tip.height || (cursor.height === tip.height && cursor.hash !== tip.hash)) {
      cursor = await rollBackToFork(db, adapter, place, cursor, tip.height, touched);
      result.reorgs++;
    }
    while (cursor.height < tip.height && result.blocks < maxBlocks) {
      const block = await adapter.block(cursor.height + 1, isWatched);
      if (block.parentHash !== cursor.hash) {
        const fork = await rollBackToFork(db, adapter, place, cursor, tip.height, touched);
        // A node whose block names a parent it does not report at that height is broken, not reorganising.
        if (fork.height === cursor.height && fork.hash === cursor.hash) {
          throw new Error(`${network}: block ${block.height} names parent ${block.parentHash}, the node's block ${cursor.height} is ${cursor.hash}`);
        }
        cursor = fork;
        result.reorgs++;
        continue;
      }
      result.deposits += await recordBlock(db, block, place, cursor, touched);
      cursor = { height: block.height, hash: block.hash };
      result.blocks++;
    }
  } catch (error) {
    if (error instanceof LostCursor) return { ...result, ran: false };
    throw error;
  }
  await db
    .delete(chainBlocks)
    .where(and(eq(chainBlocks.network, network), eq(chainBlocks.chain, chain), lt(chainBlocks.height, cursor.height - (options.keepBlocks ?? 200))));

  for (const transfer of await adapter.pending(isWatched)) {
    const paymentId = await db.transaction((tx) => recordDeposit(tx, transfer, { ...place, block: null }));
    if (paymentId) touched.add(paymentId);
  }
  const settled = cursor;
  await db.transaction(async (tx) => {
    for (const id of await recountConfirmations(tx, network, chain, settled.height)) touched.add(id);
    for (const id of [...touched].sort()) await settleCryptoPayment(tx, id);
  });
  result.scannedTo = cursor.height;
  return result;
}

type Place = { network: Network; chain: Chain };
type Cursor = { height: number; hash: string };

/**
 * Takes (or renews) the network's lease for `owner`: the cursor row is created at `start` on a first run; a row leased
 * to another process until later is left alone (null). Returns where scanning resumes.
 */
async function claimNetwork(db: Database, place: Place, owner: string, leaseSeconds: number, start: () => Promise<Cursor>): Promise<Cursor | null> {
  const leaseUntil = sql`now() + make_interval(secs => ${leaseSeconds})`;
  const free = or(isNull(chainCursors.leaseUntil), lt(chainCursors.leaseUntil, sql`now()`), eq(chainCursors.leaseOwner, owner));
  const [claimed] = await db
    .update(chainCursors)
    .set({ leaseOwner: owner, leaseUntil })
    .where(and(eq(chainCursors.network, place.network), eq(chainCursors.chain, place.chain), free))
    .returning();
  if (claimed) return { height: claimed.height, hash: claimed.blockHash };
  const first = await start();
  const [created] = await db
    .insert(chainCursors)
    .values({ ...place, height: first.height, blockHash: first.hash, leaseOwner: owner, leaseUntil })
    .onConflictDoNothing()
    .returning();
  return created ? first : null;
}

async function watchedAddresses(db: Database, place: Place): Promise<Set<string>> {
  const rows = await db
    .select({ address: walletAddresses.address })
    .from(walletAddresses)
    .where(and(eq(walletAddresses.network, place.network), eq(walletAddresses.chain, place.chain), eq(walletAddresses.purpose, 'deposit')));
  return new Set(rows.map((r) => r.address));
}

/** Moves the cursor from `from` to `to`, only if it is still at `from`; otherwise the whole transaction is undone. */
async function advanceCursor(tx: Transaction, place: Place, from: Cursor, to: Cursor): Promise<void> {
  const moved = await tx
    .update(chainCursors)
    .set({ height: to.height, blockHash: to.hash, updatedAt: new Date() })
    .where(and(eq(chainCursors.network, place.network), eq(chainCursors.chain, place.chain), eq(chainCursors.height, from.height), eq(chainCursors.blockHash, from.hash)))
    .returning({ height: chainCursors.height });
  if (moved.length === 0) throw new LostCursor();
}

/** One block: its deposits, the block itself and the cursor, in one transaction. */
async function recordBlock(db: Database, block: ChainBlock, place: Place, after: Cursor, touched: Set<string>): Promise<number> {
  const paymentIds = await db.transaction(async (tx) => {
    await advanceCursor(tx, place, after, { height: block.height, hash: block.hash });
    const ids: string[] = [];
    for (const transfer of block.transfers) {
      const paymentId = await recordDeposit(tx, transfer, { ...place, block: { height: block.height, hash: block.hash } });
      if (paymentId) ids.push(paymentId);
    }
    await tx
      .insert(chainBlocks)
      .values({ ...place, height: block.height, hash: block.hash, parentHash: block.parentHash })
      .onConflictDoUpdate({ target: [chainBlocks.network, chainBlocks.chain, chainBlocks.height], set: { hash: block.hash, parentHash: block.parentHash, scannedAt: new Date() } });
    return ids;
  });
  for (const id of paymentIds) touched.add(id);
  return paymentIds.length;
}

/**
 * The stored chain and the node's disagree: walk down the stored blocks to the highest one the node still has, orphan
 * the deposits above it and move the cursor there; the scan then reads the new branch from it.
 */
async function rollBackToFork(
  db: Database,
  adapter: ChainAdapter,
  place: Place,
  cursor: Cursor,
  tipHeight: number,
  touched: Set<string>,
): Promise<Cursor> {
  // Blocks above the node's tip are gone whatever they were.
  let height = Math.min(cursor.height, tipHeight);
  for (; height > 0; height--) {
    const [stored] = await db
      .select({ hash: chainBlocks.hash })
      .from(chainBlocks)
      .where(and(eq(chainBlocks.network, place.network), eq(chainBlocks.chain, place.chain), eq(chainBlocks.height, height)));
    // Below what is kept (or where the watcher started), the node's own chain is taken as it is.
    if (!stored || stored.hash === (await adapter.blockHash(height))) break;
  }
  const fork = { height, hash: await adapter.blockHash(height) };
  const paymentIds = await db.transaction(async (tx) => {
    await advanceCursor(tx, place, cursor, fork);
    const ids = await orphanDepositsAbove(tx, place.network, place.chain, fork.height);
    await tx.delete(chainBlocks).where(and(eq(chainBlocks.network, place.network), eq(chainBlocks.chain, place.chain), gt(chainBlocks.height, fork.height)));
    return ids;
  });
  for (const id of paymentIds) touched.add(id);
  return fork;
}
