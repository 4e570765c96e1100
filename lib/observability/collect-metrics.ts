import 'server-only';
import { sql } from 'drizzle-orm';
import { Gauge, Registry } from 'prom-client';
import { database, resultRows } from '@/db/client';
import { checkChainNodes } from '@/lib/health/check-chain-nodes';
import { countWaitingJobs } from '@/lib/jobs/count-waiting-jobs';
import { SMS_MATCH_STATUSES } from '@/lib/sms/sms-statuses';
import { logger } from './logger';
import { processMetrics } from './metrics';

/**
 * What every process shares, read from the database and the chain nodes when scraped, not counted in this process:
 * webhook deliveries are made by whichever process runs the jobs, SMS are matched on any instance, and watchers run in
 * workers. Each process answers the same values, so aggregate them with max(), not sum(). Read at most once per
 * REFRESH_MS however many scrapers ask: the counts scan their tables, and the tips ask the nodes.
 */
const REFRESH_MS = 5_000;

interface SharedMetrics {
  registry: Registry;
  waitingJobs: Gauge<'queue' | 'state'>;
  webhookDeliveries: Gauge<'state'>;
  smsMessages: Gauge<'outcome'>;
  nodeUp: Gauge<'network'>;
  tipHeight: Gauge<'network'>;
  cursorHeight: Gauge<'network'>;
  lagBlocks: Gauge<'network'>;
  sourceUp: Gauge<'source'>;
  readAt: number;
  reading?: Promise<void>;
}

const KEY = Symbol.for('kpay.shared-metrics');
const holder = globalThis as { [KEY]?: SharedMetrics };

/** The Prometheus text of /metrics: this process's own metrics, then the shared ones. */
export async function collectMetrics(): Promise<{ contentType: string; text: string }> {
  const shared = (holder[KEY] ??= createSharedMetrics());
  if (Date.now() - shared.readAt >= REFRESH_MS) {
    shared.reading ??= readShared(shared).finally(() => {
      shared.readAt = Date.now();
      shared.reading = undefined;
    });
    await shared.reading;
  }
  const own = processMetrics().registry;
  return { contentType: own.contentType, text: await Registry.merge([own, shared.registry]).metrics() };
}

function createSharedMetrics(): SharedMetrics {
  const registry = new Registry();
  const gauge = <L extends string>(name: string, help: string, labelNames: L[]) => new Gauge<L>({ name, help, labelNames, registers: [registry] });
  return {
    registry,
    waitingJobs: gauge('kpay_job_queue_waiting_jobs', 'Jobs waiting in the pg-boss queue (created, or retry after a failure), by queue', ['queue', 'state']),
    webhookDeliveries: gauge(
      'kpay_webhook_deliveries',
      'Webhook deliveries: pending (not yet delivered), retrying (pending after at least one failed attempt), failed (given up)',
      ['state'],
    ),
    smsMessages: gauge('kpay_sms_messages', 'Forwarded bank SMS by outcome (matched, unmatched, needs_review, ...)', ['outcome']),
    nodeUp: gauge('kpay_chain_node_up', 'Whether the network\'s node answered its tip within 2 s', ['network']),
    tipHeight: gauge('kpay_chain_tip_height', "The node's best block", ['network']),
    cursorHeight: gauge('kpay_watcher_cursor_height', "The watcher's last scanned block (chain_cursors)", ['network']),
    lagBlocks: gauge('kpay_watcher_lag_blocks', "Blocks the watcher is behind the node's tip", ['network']),
    sourceUp: gauge('kpay_metrics_source_up', 'Whether the last read of a shared source succeeded (database, job_queue)', ['source']),
    readAt: 0,
  };
}

/** Reads every source, then sets the gauges at once, so a scrape never sees half an update. A failed source reads 0 up. */
async function readShared(m: SharedMetrics): Promise<void> {
  const [counts, jobs, nodes] = await Promise.all([readCounts(), readWaitingJobs(), checkChainNodes()]);
  m.sourceUp.set({ source: 'database' }, counts ? 1 : 0);
  m.sourceUp.set({ source: 'job_queue' }, jobs ? 1 : 0);
  m.webhookDeliveries.reset();
  m.smsMessages.reset();
  if (counts) {
    for (const [state, n] of Object.entries(counts.webhooks)) m.webhookDeliveries.set({ state }, n);
    for (const outcome of SMS_MATCH_STATUSES) m.smsMessages.set({ outcome }, counts.sms.get(outcome) ?? 0);
  }
  m.waitingJobs.reset();
  for (const { queue, state, n } of jobs ?? []) m.waitingJobs.set({ queue, state }, n);
  for (const gauge of [m.nodeUp, m.tipHeight, m.cursorHeight, m.lagBlocks]) gauge.reset();
  for (const node of nodes) {
    const network = node.network;
    m.nodeUp.set({ network }, node.ok ? 1 : 0);
    if (node.cursorHeight !== null) m.cursorHeight.set({ network }, node.cursorHeight);
    if (node.ok) {
      m.tipHeight.set({ network }, node.tipHeight);
      if (node.lagBlocks !== null) m.lagBlocks.set({ network }, node.lagBlocks);
    }
  }
}

async function readCounts() {
  try {
    const db = await database();
    const [webhooks] = resultRows<{ pending: number; retrying: number; failed: number }>(
      await db.execute(sql`
        select count(*) filter (where status = 'pending')::int as pending,
               count(*) filter (where status = 'pending' and attempt_count > 0)::int as retrying,
               count(*) filter (where status = 'failed')::int as failed
        from webhook_deliveries`),
    );
    const sms = resultRows<{ outcome: string; n: number }>(
      await db.execute(sql`select match_status as outcome, count(*)::int as n from sms_messages group by match_status`),
    );
    return { webhooks: webhooks!, sms: new Map(sms.map((r) => [r.outcome, r.n])) };
  } catch (err) {
    logger.warn({ err }, 'metrics: could not read webhook and SMS counts');
    return null;
  }
}

async function readWaitingJobs() {
  try {
    return await countWaitingJobs();
  } catch (err) {
    logger.warn({ err }, 'metrics: could not read the job queue');
    return null;
  }
}
