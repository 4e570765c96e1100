import { parse } from 'lossless-json';
import { readLimitedBytes } from '@/lib/http/read-limited-bytes';
import { isJsonObject, ownField } from '@/lib/rates/json-shape';

export interface TronHttpConfig {
  /** The node's base URL: a java-tron HTTP port (8090 full node, 8091 solidity) or TronGrid (https://api.trongrid.io). */
  url: string;
  /** TronGrid's key, sent as the TRON-PRO-API-KEY header; never written into a message. */
  apiKey?: string;
  /** For each request, from sending it to the answer's last byte. */
  timeoutMs: number;
}

/**
 * A busy mainnet block with its transaction infos runs to a few megabytes (hex strings for every signature, log and
 * internal transaction); far more than that is not an answer to read whole.
 */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
/** How much of a node's own error text a message quotes. */
const MAX_QUOTED_CHARS = 200;

/**
 * POSTs `body` as JSON to `path` (such as '/wallet/getblockbynum') of the node and returns its JSON answer parsed by
 * lossless-json: every JSON number arrives as a LosslessNumber holding its exact digits, so no amount is ever a float.
 *
 * Throws a plain Error naming the endpoint (never the URL, which may carry a token, nor the API key) when the node
 * cannot be reached or does not answer within the timeout, answers other than 200, answers with a body that is not
 * JSON or is too large, or answers java-tron's error object `{"Error": "<exception> : <message>"}` (which java-tron
 * sends with status 200). No retries: the watcher logs the error and tries again on its next run.
 */
export async function postTronApi(config: TronHttpConfig, path: string, body: Record<string, number> = {}): Promise<unknown> {
  const fail = (reason: string) => new Error(`TRON node ${path}: ${reason}`);
  const signal = AbortSignal.timeout(config.timeoutMs);
  const headers: Record<string, string> = { accept: 'application/json', 'content-type': 'application/json' };
  if (config.apiKey) headers['TRON-PRO-API-KEY'] = config.apiKey;
  let response: Response;
  try {
    // cache: 'no-store' keeps Next.js's fetch cache out: a chain's head changes every 3 seconds.
    response = await fetch(`${config.url.replace(/\/+$/, '')}${path}`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal,
      cache: 'no-store',
    });
  } catch (error) {
    throw fail(signal.aborted ? `no answer within ${config.timeoutMs} ms` : `node unreachable (${describe(error)})`);
  }
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => {});
    throw fail(`HTTP ${response.status}`);
  }
  let bytes: Uint8Array | null;
  try {
    bytes = await readLimitedBytes(response.body, MAX_BODY_BYTES, response.headers.get('content-length'));
  } catch (error) {
    throw fail(signal.aborted ? `no whole answer within ${config.timeoutMs} ms` : `answer broke off (${describe(error)})`);
  }
  if (bytes === null) throw fail(`answer larger than ${MAX_BODY_BYTES} bytes`);
  let value: unknown;
  try {
    value = parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw fail('answer is not valid JSON');
  }
  const nodeError = isJsonObject(value) ? ownField(value, 'Error') : undefined;
  if (nodeError !== undefined) throw fail(`the node reports an error: ${quote(nodeError)}`);
  return value;
}

function quote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
}

/** An error's own words and its cause's code (fetch says "fetch failed" and hides ECONNREFUSED in `cause`). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${(error.cause as NodeJS.ErrnoException).code ?? error.cause.message}` : '';
  return `${error.message}${cause}`;
}
