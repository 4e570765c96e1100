import { randomInt } from 'node:crypto';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type RouteModule = Partial<Record<'GET' | 'POST' | 'PATCH' | 'DELETE', Handler>>;

// Every route file under app/api, found the way Next finds them, so tests call the real handlers.
const modules = import.meta.glob<RouteModule>('/app/api/**/route.ts');

const routes = Object.entries(modules).map(([file, load]) => {
  const pattern = file.replace(/^\/app\/api/, '').replace(/\/route\.ts$/, '') || '/';
  const names: string[] = [];
  const regex = new RegExp(
    '^' + pattern.replace(/[.]/g, '\\.').replace(/\[(\w+)\]/g, (_, name: string) => (names.push(name), '([^/]+)')) + '$',
  );
  return { pattern, regex, names, load };
})
  // As Next routes: a static segment wins over a dynamic one (/transactions/create before /transactions/[id]).
  .sort((a, b) => a.names.length - b.names.length);

/** The route patterns under /api (e.g. "/shops/[id]") with the methods each exports. */
export async function listApiRoutes(): Promise<{ pattern: string; methods: string[] }[]> {
  return Promise.all(
    routes.map(async (r) => ({ pattern: r.pattern, methods: Object.keys(await r.load()).filter((k) => /^[A-Z]+$/.test(k)) })),
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

/** A caller with its own client address, so rate limits of one test do not leak into another. */
export function apiClient(ip = `198.51.${randomInt(256)}.${randomInt(1, 255)}`) {
  return async function call<T = any>(method: string, path: string, options: CallOptions = {}): Promise<ApiResult<T>> {
    const url = new URL(path, 'http://kpay.test/api/');
    const apiPath = url.pathname.replace(/^\/api/, '');
    const route = routes.find((r) => r.regex.test(apiPath));
    if (!route) throw new Error(`no route for ${apiPath}`);
    const handler = (await route.load())[method as keyof RouteModule];
    if (!handler) return { status: 405, body: null as T, headers: new Headers() };
    const match = route.regex.exec(apiPath)!;
    const params = Object.fromEntries(route.names.map((n, i) => [n, decodeURIComponent(match[i + 1]!)]));

    const headers = new Headers({ 'x-forwarded-for': ip, ...options.headers });
    if (options.token) headers.set('authorization', `Bearer ${options.token}`);
    if (options.apiKey) headers.set('x-api-key', options.apiKey);
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      if (!headers.has('content-type')) headers.set('content-type', 'application/json');
    }
    const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
  };
}

let counter = 0;
/** A fresh, valid, unique mobile number for each registration. */
export function uniqueMobile(): string {
  counter += 1;
  return `0912${String(process.pid % 1000).padStart(3, '0')}${String(counter).padStart(4, '0')}`;
}

/** Registers a merchant and returns its tokens and a caller bound to them. */
export async function registerMerchant(call = apiClient(), name = 'Test Merchant') {
  const mobile = uniqueMobile();
  const res = await call('POST', '/api/auth/register', { body: { name, mobile, password: 'secret123' } });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { mobile, password: 'secret123', ...(res.body as { access_token: string; refresh_token: string }), call };
}
