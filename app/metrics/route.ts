import { collectMetrics } from '@/lib/observability/collect-metrics';
import { metricsAccess } from '@/lib/observability/metrics-access';

/**
 * Prometheus metrics (text format), for a scraper holding KPAY_METRICS_TOKEN: not under /api, so not in the OpenAPI
 * document. Without the token configured this path does not exist (404); with it, a missing or wrong one is 401.
 */
export async function GET(request: Request): Promise<Response> {
  const access = metricsAccess(request.headers.get('authorization'));
  if (access === 'hidden') return new Response('Not found\n', { status: 404, headers: { 'content-type': 'text/plain' } });
  if (access === 'denied') {
    return new Response('Unauthorized\n', { status: 401, headers: { 'content-type': 'text/plain', 'www-authenticate': 'Bearer' } });
  }
  const { contentType, text } = await collectMetrics();
  return new Response(text, { headers: { 'content-type': contentType, 'cache-control': 'no-store' } });
}
