import { z } from 'zod';
import { example } from '@/lib/api/examples';
import { NETWORKS } from '@/lib/currencies/networks';

export const livenessResponse = z.object({ status: z.literal('ok') });

export const readinessResponse = z.object({
  status: z.literal('ready'),
  checks: z.object({
    database: z.object({ ok: z.literal(true), ms: z.number().int().meta(example(2)) }),
    job_queue: z.object({
      ok: z.literal(true),
      queued_jobs: z.number().int().describe('Jobs waiting to be worked, all queues together').meta(example(0)),
    }),
    chain_nodes: z.array(
      z.object({
        network: z.enum(NETWORKS).meta(example('litecoin')),
        chain: z.string().meta(example('mainnet')),
        ok: z.literal(true),
        tip_height: z.number().int().meta(example(2_900_120)),
        cursor_height: z.number().int().nullable().describe("The watcher's last scanned block; null before its first run").meta(example(2_900_119)),
        lag_blocks: z.number().int().nullable().describe('tip_height - cursor_height').meta(example(1)),
      }),
    ),
  }),
});
