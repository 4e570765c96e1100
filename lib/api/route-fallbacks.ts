import type { ErrorCode } from '@/lib/errors';
import { ERROR_STATUS } from './error-body';

/** The methods a route file may export. HEAD is not listed: Next answers it with the GET handler, minus the body. */
const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type RouteMethod = (typeof ROUTE_METHODS)[number];

const FALLBACK = Symbol.for('kpay.api.fallback');
type Fallback = ((request: Request) => Response) & { [FALLBACK]: true };

/** True for the handlers below: they answer for a path or method the API does not serve, so they are no operation. */
export const isFallback = (handler: unknown): boolean => typeof handler === 'function' && FALLBACK in handler;

const fallback = (answer: (request: Request) => Response): Fallback => Object.assign(answer, { [FALLBACK]: true as const });

const error = (code: ErrorCode, message: string, headers?: Record<string, string>) =>
  Response.json({ error: { code, message } }, { status: ERROR_STATUS[code], headers: { 'Cache-Control': 'no-store', ...headers } });

/**
 * The methods a route file does not serve: 405 in the API's error shape with an `Allow` header naming the served
 * ones, and OPTIONS answering that `Allow`. Next answers a method its route file does not export with an empty 405,
 * so every route file under app/api ends with `export const { ... } = otherMethods(operations.a, operations.b)` naming
 * the operations it serves (a method name for a route that is no operation, like /api/openapi.json). TypeScript
 * refuses a fallback for a served method; test/integration/openapi.test.ts checks none is missing.
 * The served handlers stay untouched: nothing is added to their path.
 */
export function otherMethods<const M extends RouteMethod>(
  ...served: (M | { method: M })[]
): Record<Exclude<RouteMethod, M> | 'OPTIONS', Fallback> {
  const own: readonly RouteMethod[] = served.map((s) => (typeof s === 'string' ? s : s.method));
  const allow = [...own, ...(own.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].join(', ');
  const handlers: Record<string, Fallback> = {
    OPTIONS: fallback(() => new Response(null, { status: 204, headers: { Allow: allow } })),
  };
  for (const method of ROUTE_METHODS) {
    if (own.includes(method)) continue;
    handlers[method] = fallback((request) =>
      error('method_not_allowed', `${request.method} is not allowed on this path; allowed: ${allow}`, { Allow: allow }),
    );
  }
  return handlers as Record<Exclude<RouteMethod, M> | 'OPTIONS', Fallback>;
}

/** Every method of app/api/[[...path]]: a path no route file serves answers 404 in the API's error shape. */
export function unknownPath(): Record<RouteMethod | 'OPTIONS', Fallback> {
  const answer = fallback(() => error('not_found', 'No API endpoint at this path; the list is at /api/openapi.json'));
  return { GET: answer, POST: answer, PUT: answer, PATCH: answer, DELETE: answer, OPTIONS: answer };
}
