import { randomInt } from 'node:crypto';
import { isFallback } from '@/lib/api/route-fallbacks';

type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS', Handler>>;

// Every route file under app/api, found the way Next finds them, so tests call the real handlers.
const modules = import.meta.glob<RouteModule>('/app/api/**/route.ts');

const routes = Object.entries(modules).map(([file, load]) => {
  const pattern = file.replace(/^\/app\/api/, '').replace(/\/route\.ts$/, '') || '/';
  const names: string[] = [];
  const catchAll = pattern.includes('/[[...');
  const source = pattern
    .split('/')
    .slice(1)
    .map((segment) => {
      const [, optionalCatchAll] = /^\[\[\.\.\.(\w+)\]\]$/.exec(segment) ?? [];
      const [, dynamic] = /^\[(\w+)\]$/.exec(segment) ?? [];
      if (optionalCatchAll) {
        // app/api/[[...path]]: any path, /api itself included; its param holds the segments, as Next passes them.
        names.push(optionalCatchAll);
        return '(?:/(.+))?';
      }
      if (dynamic) {
        names.push(dynamic);
        return '/([^/]+)';
      }
      return '/' + segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { pattern, regex: new RegExp(`^${source}$`), names, catchAll, load };
})
  // As Next routes: a static segment wins over a dynamic one (/transactions/create before /transactions/[id]), and the
  // catch-all comes last.
  .sort((a, b) => Number(a.catchAll) - Number(b.catchAll) || a.names.length - b.names.length);

/**
 * The route patterns under /api (e.g. "/shops/[id]") with the methods each serves. The fallbacks every route file
 * exports for the other methods (lib/api/route-fallbacks.ts) are not served methods; `fallbacks` lists them.
 */
export async function listApiRoutes(): Promise<{ pattern: string; methods: string[]; fallbacks: string[]; handlers: Record<string, unknown> }[]> {
  return Promise.all(
    routes.map(async (r) => {
      const exported = Object.entries(await r.load()).filter(([k]) => /^[A-Z]+$/.test(k));
      return {
        pattern: r.pattern,
        methods: exported.filter(([, h]) => !isFallback(h)).map(([k]) => k),
        fallbacks: exported.filter(([, h]) => isFallback(h)).map(([k]) => k),
        handlers: Object.fromEntries(exported),
      };
    }),
  );
}

export interface CallOptions {
  body?: unknown;
  /** Sent as is (for malformed JSON and form bodies). */
  rawBody?: string;
  token?: string;
  apiKey?: string;
  headers?: Record<string, string>;
}

export interface ApiResult<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export type ApiCall = ReturnType<typeof apiClient>;

/** A caller with its own client address, so rate limits of one test do not leak into another. */
export function apiClient(ip = `198.51.${randomInt(256)}.${randomInt(1, 255)}`) {
  return async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResult<T>> {
    const url = new URL(path, 'http://kpay.test/api/');
    const apiPath = url.pathname.replace(/^\/api/, '');
    const route = routes.find((r) => r.regex.test(apiPath));
    if (!route) throw new Error(`no route for ${apiPath}`);
    const handler = (await route.load())[method as keyof RouteModule];
    // Next would answer an empty 405 here; every route file exports all methods (lib/api/route-fallbacks.ts).
    if (!handler) throw new Error(`app/api${route.pattern}/route.ts exports no ${method}: add it to its otherMethods(...) line`);
    const match = route.regex.exec(apiPath)!;
    const params = Object.fromEntries(
      route.names.map((n, i) => {
        const value = match[i + 1];
        if (route.catchAll) return [n, value ? value.split('/').map(decodeURIComponent) : []];
        return [n, decodeURIComponent(value!)];
      }),
    );

    const headers = new Headers({ 'x-forwarded-for': ip, ...options.headers });
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    if (options.apiKey) headers.set('x-api-key', options.apiKey);
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
    if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
      return { status: response.status, body: (await firstEvent(response.body!)) as T, headers: response.headers };
    }
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
}

/**
 * An event stream's text up to its first event, then the stream is closed: sweeps over every operation (hostile
 * input, OpenAPI checks) must not wait for a stream that stays open until the payment ends.
 */
async function firstEvent(stream: ReadableStream<Uint8Array>): Promise<string> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (!/^event: /m.test(text) || !text.endsWith('\n\n')) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel();
  return text;
}
