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
  /** Labelled children by "route method status": labels() hashes its arguments on every call; this runs per request. */
  children: Map<string, { requests: Counter.Internal; durations: Histogram.Internal<'route' | 'method' | 'status'> }>;
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
    children: new Map(),
  };
}

/** Counts one answered API request. route is the route template (/api/x/{id}), never the raw path: bounded labels. */
export function recordApiRequest(route: string, method: string, status: number, seconds: number): void {
  const metrics = processMetrics();
  const key = `${route} ${method} ${status}`;
  let child = metrics.children.get(key);
  if (!child) {
    const labels = { route, method, status: String(status) };
    child = { requests: metrics.requests.labels(labels), durations: metrics.durations.labels(labels) };
    metrics.children.set(key, child);
  }
  child.requests.inc();
  child.durations.observe(seconds);
}
