import { parse } from 'lossless-json';
import { readLimitedBytes } from '@/lib/http/read-limited-bytes';

/** A node's answer may be a large block (getblock verbosity 2 of a full block is several MB). */
const MAX_ANSWER_BYTES = 64 * 1024 * 1024;

export type JsonRpcCall = <T = unknown>(method: string, params?: unknown[]) => Promise<T>;

/**
 * A JSON-RPC client for a node URL. Credentials in the URL (http://user:pass@host:port/, as bitcoind's rpcuser and
 * rpcpassword) go in a Basic Authorization header, since fetch refuses URLs that carry them, and never into an error
 * message; nor does the path. Numbers are read exactly: safe integers become numbers, anything else (a coin value such as 0.05000000)
 * stays its decimal text, so no float ever holds an amount.
 */
export function createJsonRpcClient(url: string, options: { timeoutMs?: number; version?: '1.0' | '2.0' } = {}): JsonRpcCall {
  const target = new URL(url);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (target.username || target.password) {
    headers.authorization = `Basic ${Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64')}`;
    target.username = '';
    target.password = '';
  }
  const endpoint = target.toString();
  // Providers put the API key in the path (https://mainnet.infura.io/v3/<key>): errors, and so logs, name the host only.
  const where = `${target.host}${target.pathname === '/' ? '' : '/…'}`;
  let id = 0;
  return async <T>(method: string, params: unknown[] = []): Promise<T> => {
    const body = JSON.stringify({ jsonrpc: options.version ?? '2.0', id: ++id, method, params });
    let response: Response;
    try {
      response = await fetch(endpoint, { method: 'POST', headers, body, signal: AbortSignal.timeout(options.timeoutMs ?? 30_000), cache: 'no-store' });
    } catch (error) {
      throw new NodeUnreachableError(`${method} on ${where}: the node did not answer (${(error as Error).message})`);
    }
    const bytes = await readLimitedBytes(response.body, MAX_ANSWER_BYTES, response.headers.get('content-length'));
    if (!bytes) throw new Error(`${method} on ${where}: the answer is larger than ${MAX_ANSWER_BYTES} bytes`);
    let answer: { result?: unknown; error?: { code?: unknown; message?: unknown } | null };
    try {
      answer = parse(new TextDecoder().decode(bytes), null, exactNumber) as typeof answer;
    } catch {
      throw new Error(`${method} on ${where}: HTTP ${response.status}, not JSON`);
    }
    // bitcoind answers RPC errors with HTTP 500 and the error in the body.
    if (answer?.error) throw new JsonRpcError(method, where, String(answer.error.message ?? 'error'), Number(answer.error.code));
    if (!response.ok) throw new Error(`${method} on ${where}: HTTP ${response.status}`);
    return answer.result as T;
  };
}

/** No answer at all (refused, timed out): an outage to report in one line, not a bug to trace. */
export class NodeUnreachableError extends Error {
  override name = 'NodeUnreachableError';
}

export class JsonRpcError extends Error {
  constructor(method: string, where: string, message: string, readonly code: number) {
    super(`${method} on ${where}: ${message} (${code})`);
    this.name = 'JsonRpcError';
  }
}

const exactNumber = (text: string): number | string => {
  if (/^-?[0-9]+$/.test(text)) {
    const n = Number(text);
    if (Number.isSafeInteger(n)) return n;
  }
  return text;
};
