import type { z } from 'zod';
import type { AuthMode } from '@/lib/auth/principal';
import type { ErrorCode } from '@/lib/errors';
import type { RouteMethod } from './route-fallbacks';
import type { RateLimitName, RateLimitRequest } from './route-rate-limits';

/** 'optional': public, and a user token or shop API key when one is sent (the handler then answers for that caller). */
export type OperationAuth = AuthMode | 'none' | 'optional';
export type OperationTag = 'Authentication' | 'Shops' | 'Cards' | 'Transactions' | 'SMS' | 'Webhooks' | 'Crypto gateway' | 'Sandbox' | 'Operations';

type Schema = z.ZodType | undefined;
/** What a schema gives the handler (undefined when the operation has none). */
export type Parsed<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

/** The limiters whose request fits this operation's params and body (registration reads body.mobile, so only a body with one). */
type LimitFor<P extends Schema, B extends Schema> = {
  [N in RateLimitName]: { ip: string; params: Parsed<P>; body: Parsed<B> } extends RateLimitRequest<N> ? N : never;
}[RateLimitName];

/** An operation as its domain declares it; operationsOf adds the tag. */
export interface OperationSpec<
  M extends RouteMethod = RouteMethod,
  A extends OperationAuth = OperationAuth,
  P extends Schema = Schema,
  Q extends Schema = Schema,
  B extends Schema = Schema,
  R extends Schema = Schema,
> {
  method: M;
  /** OpenAPI form, under /api: `/shops/{id}` is app/api/shops/[id]/route.ts. */
  path: `/${string}`;
  summary: string;
  /** Markdown. */
  description?: string;
  /** 'none': public; 'user': a user access token; 'user_or_key': also a shop API key; 'device': an SMS forwarder token. */
  auth: A;
  /** Path parameters; a value that fails this schema cannot name anything, so it answers 404. */
  params?: P;
  query?: Q;
  body?: B;
  /** Also accept application/x-www-form-urlencoded bodies (OAuth2 password clients). */
  form?: boolean;
  /** 204 has no body; 200 and 201 answer `response`, or (200 without `response`) the stream of `events`. */
  status: R extends z.ZodType ? 200 | 201 : 200 | 204;
  response?: R;
  /**
   * A Server-Sent Events stream (text/event-stream) of `status` events, each one's data this schema, instead of a JSON
   * answer: served by eventStreamRoute (lib/api/event-stream-route.ts), not apiRoute.
   */
  events?: z.ZodType;
  /** The refusals this endpoint can answer besides 500 (rate_limited is added for a rateLimit). */
  errors: ErrorCode[];
  /** A limiter of lib/api/route-rate-limits.ts, taken after the request parsed and before the handler runs. */
  rateLimit?: LimitFor<P, B>;
}

/**
 * One API endpoint, declared once in lib/<domain>/operations.ts: apiRoute serves it (auth, parsing, rate limit, status)
 * and lib/api/openapi.ts documents it, so the handler and its documentation cannot disagree.
 */
export interface Operation<
  M extends RouteMethod = RouteMethod,
  A extends OperationAuth = OperationAuth,
  P extends Schema = Schema,
  Q extends Schema = Schema,
  B extends Schema = Schema,
  R extends Schema = Schema,
> extends OperationSpec<M, A, P, Q, B, R> {
  tag: OperationTag;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any operation, whatever its schemas
export type AnyOperation = Operation<RouteMethod, OperationAuth, any, any, any, any>;

/** Declares a domain's operations under one tag: `const operation = operationsOf('Cards')`, then `operation({...})`. */
export function operationsOf(tag: OperationTag) {
  return <
    const M extends RouteMethod,
    A extends OperationAuth,
    P extends Schema = undefined,
    Q extends Schema = undefined,
    B extends Schema = undefined,
    R extends Schema = undefined,
  >(
    operation: OperationSpec<M, A, P, Q, B, R>,
  ): Operation<M, A, P, Q, B, R> => ({ ...operation, tag });
}
