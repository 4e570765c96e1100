import { parse } from 'lossless-json';
import { readLimitedBytes } from '@/lib/http/read-limited-bytes';
import { rateUnavailable } from './rate-quote';

export interface ProviderRequest {
  /** The provider's name in messages: "CoinGecko", "Nobitex". */
  provider: string;
  url: string;
  headers?: Record<string, string>;
  /** For each attempt, from sending the request to the last byte of the answer. */
  timeoutMs: number;
}

/** One retry: a rate is asked for while a buyer waits, so failing fast beats hammering a provider. */
const MAX_ATTEMPTS = 2;
/** A short pause before the retry: enough for a blip to pass, small beside the request's own timeout. */
const RETRY_DELAY_MS = 200;
/** A price answer is a few hundred bytes; anything near this is not one. */
const MAX_BODY_BYTES = 1024 * 1024;

type Attempt = { ok: true; value: unknown } | { ok: false; retryable: boolean; reason: string };

/**
 * GET a provider's JSON, parsed by lossless-json so every number arrives as its exact digits (a LosslessNumber, whose
 * `value` is the string), never a float. Each attempt has `timeoutMs` (AbortSignal.timeout). A network error, a
 * timeout, a 5xx or a 429 is retried exactly once; a 4xx, a body that is not JSON or is too large is not (asking again
 * gets the same answer). Every failure is an AppError 'rate_unavailable' saying what went wrong, never a secret (an
 * API key travels in a header and is never quoted).
 */
export async function fetchProviderJson(request: ProviderRequest): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce(request);
    if (result.ok) return result.value;
    if (!result.retryable || attempt >= MAX_ATTEMPTS) {
      const retried = attempt > 1 ? ' (also on retry)' : '';
      throw rateUnavailable(`${request.provider} rate unavailable: ${result.reason}${retried}`);
    }
    await new Promise((resolve) => setTimeout(resolve, RETRY_DELAY_MS));
  }
}

async function attemptOnce({ provider, url, headers, timeoutMs }: ProviderRequest): Promise<Attempt> {
  const signal = AbortSignal.timeout(timeoutMs);
  const failed = (error: unknown): Attempt => ({
    ok: false,
    retryable: true,
    reason: signal.aborted ? `no answer within ${timeoutMs} ms` : `${provider} could not be reached (${describe(error)})`,
  });
  let response: Response;
  try {
    // cache: 'no-store' keeps Next.js's fetch cache out of it: this module caches rates itself, for a known time.
    response = await fetch(url, {
      headers: { accept: 'application/json', 'user-agent': 'KPay-rates/1', ...headers },
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    return failed(error);
  }
  if (response.status >= 500 || response.status === 429) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, retryable: true, reason: `HTTP ${response.status}` };
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => {});
    return { ok: false, retryable: false, reason: `HTTP ${response.status}` };
  }
  let body: Uint8Array | null;
  try {
    body = await readLimitedBytes(response.body, MAX_BODY_BYTES, response.headers.get('content-length'));
  } catch (error) {
    return failed(error); // the connection broke or the time ran out while the answer was arriving
  }
  if (body === null) return { ok: false, retryable: false, reason: `answer larger than ${MAX_BODY_BYTES} bytes` };
  try {
    return { ok: true, value: parse(new TextDecoder('utf-8', { fatal: true }).decode(body)) };
  } catch {
    return { ok: false, retryable: false, reason: 'answer is not valid JSON' };
  }
}

/** An error's own words and its cause's (fetch says "fetch failed" and hides ECONNREFUSED in `cause`). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message}` : '';
  return `${error.message}${cause}`;
}
