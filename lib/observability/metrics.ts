import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * This process's Prometheus metrics: API request counts and latencies, plus Node's default process metrics. Next bundles
 * each route handler separately, so the registry lives on globalThis: every bundle records into, and /metrics reads,
 * the same one.
 */
interface ProcessMetrics {
  registry: Registry;
  requests: Counter<'route' | 'method' | 'status'>;
  durations: Histogram<'route' | 'method' | 'status'>;
}

const KEY = Symbol.for('kpay.metrics');
const holder = globalThis as { [KEY]?: ProcessMetrics };

export function processMetrics(): ProcessMetrics {
  return (holder[KEY] ??= createMetrics());
}

function createMetrics(): ProcessMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const labelNames = ['route', 'method', 'status'] as const;
  return {
    registry,
    requests: new Counter({
      name: 'kpay_api_requests_total',
      help: 'API requests answered by this process, by route template, method and status',
      labelNames,
      registers: [registry],
    }),
    durations: new Histogram({
      name: 'kpay_api_request_duration_seconds',
      help: 'API request latency in this process, by route template, method and status',
      labelNames,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
  };
}

/**
 * What counts an operation's answered requests: route is its template (/api/x/{id}), never the raw path, so labels stay
 * bounded. Bound once per route: labels() hashes its arguments on every call, so each status's labelled counters are
 * looked up once and kept, and a request costs one Map hit by status.
 */
export function apiRequestRecorder(route: string, method: string): (status: number, seconds: number) => void {
  const byStatus = new Map<number, { requests: Counter.Internal; durations: Histogram.Internal<'route' | 'method' | 'status'> }>();
  return (status, seconds) => {
    let child = byStatus.get(status);
    if (!child) {
      const metrics = processMetrics();
      const labels = { route, method, status: String(status) };
      byStatus.set(status, (child = { requests: metrics.requests.labels(labels), durations: metrics.durations.labels(labels) }));
    }
    child.requests.inc();
    child.durations.observe(seconds);
  };
}
