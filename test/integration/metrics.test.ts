import PgBoss from 'pg-boss';
import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/metrics/route';
import { databaseHandle } from '@/db/client';
import { JOB_QUEUE_SCHEMA } from '@/lib/jobs/count-waiting-jobs';
import { deliverDueWebhooks } from '@/lib/webhooks/deliver-due-webhooks';
import { apiClient } from '../api-client';
import { cardToCardMerchant, mellatDeposit, newWebhook } from '../fixtures';
import { reconfigure } from '../reconfigure';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

const TOKEN = 'metrics-token-for-the-tests-0123456789';

/** GET /metrics with this Authorization header (none when undefined), as Prometheus sends it. */
async function scrape(authorization?: string) {
  // The shared gauges are read at most every few seconds: each scrape here must see the database as it is now.
  delete (globalThis as Record<symbol, unknown>)[Symbol.for('kpay.shared-metrics')];
  const headers = new Headers(authorization ? { authorization } : {});
  const res = await GET(new Request('http://kpay.test/metrics', { headers }));
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The value of one sample line (`name{labels} value`), 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const line = text.split('\n').find((l) => {
    if (!l.startsWith(`${name}{`) && !l.startsWith(`${name} `)) return false;
    return Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`));
  });
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('GET /metrics', () => {
  afterAll(() => reconfigure({ KPAY_METRICS_TOKEN: undefined }));

  it('does not exist (404) while KPAY_METRICS_TOKEN is unset', async () => {
    expect((await scrape()).status).toBe(404);
    expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
  });

  it('answers 401 without the token, with a wrong one, or with another scheme', async () => {
    reconfigure({ KPAY_METRICS_TOKEN: TOKEN });
    for (const authorization of [undefined, 'Bearer wrong-token', `Bearer ${TOKEN}x`, `Bearer ${TOKEN.slice(0, -1)}`, `Basic ${TOKEN}`, TOKEN]) {
      const res = await scrape(authorization);
      expect(res.status, String(authorization)).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(res.text).not.toContain('kpay_');
    }
  });

  it('answers the Prometheus text with the token: process metrics and the shared gauges', async () => {
    reconfigure({ KPAY_METRICS_TOKEN: TOKEN });
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(res.text).toContain('# TYPE process_cpu_user_seconds_total counter');
    expect(res.text).toContain('# TYPE nodejs_heap_size_used_bytes gauge');
    expect(sample(res.text, 'kpay_metrics_source_up', { source: 'database' })).toBe(1);
    expect(res.text).toMatch(/^kpay_webhook_deliveries\{state="failed"\} 0$/m);
    expect(res.text).toMatch(/^kpay_sms_messages\{outcome="matched"\} 0$/m);
    // No process has started the job queue in this database yet.
    expect(sample(res.text, 'kpay_metrics_source_up', { source: 'job_queue' })).toBe(0);
  });

  it('counts API requests by route, method and status: the counter moves after a call', async () => {
    reconfigure({ KPAY_METRICS_TOKEN: TOKEN });
    const labels = { method: 'GET', status: '200' };
    const count = (text: string) =>
      text
        .split('\n')
        .filter((l) => l.startsWith('kpay_api_requests_total{') && /route="[^"]*\/health"/.test(l))
        .reduce((sum, l) => sum + (Object.entries(labels).every(([k, v]) => l.includes(`${k}="${v}"`)) ? Number(l.split(' ').pop()) : 0), 0);
    const before = count((await scrape(`Bearer ${TOKEN}`)).text);
    const call = apiClient();
    expect((await call('GET', '/api/health')).status).toBe(200);
    expect((await call('GET', '/api/health')).status).toBe(200);
    const after = await scrape(`Bearer ${TOKEN}`);
    expect(count(after.text) - before).toBe(2);
    expect(after.text).toMatch(/^kpay_api_request_duration_seconds_count\{[^}]*route="[^"]*\/health"[^}]*\} \d+$/m);
  });

  it('reads SMS outcomes, failing webhook deliveries and waiting jobs from the database, whichever process made them', async () => {
    reconfigure({ KPAY_METRICS_TOKEN: TOKEN });
    const bearer = `Bearer ${TOKEN}`;
    const before = (await scrape(bearer)).text;

    // A deposit SMS that names no transaction: unmatched.
    const m = await cardToCardMerchant();
    expect((await m.sms(mellatDeposit(4_440_000))).status).toBe(200);
    // A webhook to a closed port: the delivery's first attempt fails and it waits for its retry.
    await newWebhook(m, m.shop, { url: 'http://127.0.0.1:9/hook' });
    const tx = await m.create();
    expect((await m.call('POST', `/api/transactions/${tx.id}/cancel`, { apiKey: m.shop.api_key })).status).toBe(200);
    await deliverDueWebhooks();
    // Two jobs waiting in a queue, as a worker's pg-boss holds them.
    const handle = await databaseHandle();
    const boss = new PgBoss({ db: { executeSql: (text: string, values?: unknown[]) => handle.executeSql(text, values) }, schema: JOB_QUEUE_SCHEMA, supervise: false, schedule: false });
    await boss.start();
    await boss.createQueue('metrics-test');
    await boss.send('metrics-test', {});
    await boss.send('metrics-test', {});
    await boss.stop({ graceful: false, wait: true });

    const after = (await scrape(bearer)).text;
    const moved = (name: string, labels: Record<string, string>) => sample(after, name, labels) - sample(before, name, labels);
    expect(moved('kpay_sms_messages', { outcome: 'unmatched' })).toBe(1);
    expect(moved('kpay_sms_messages', { outcome: 'matched' })).toBe(0);
    expect(moved('kpay_webhook_deliveries', { state: 'pending' })).toBe(1);
    expect(moved('kpay_webhook_deliveries', { state: 'retrying' })).toBe(1);
    expect(sample(after, 'kpay_metrics_source_up', { source: 'job_queue' })).toBe(1);
    expect(sample(after, 'kpay_job_queue_waiting_jobs', { queue: 'metrics-test', state: 'created' })).toBe(2);
  });
});
