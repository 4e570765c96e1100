import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type DevicePrincipal, type Principal, resolvePrincipal, type UserPrincipal } from '@/lib/auth/principal';
import { readLimitedBytes } from '@/lib/http/read-limited-bytes';
import { logger } from '@/lib/observability/logger';
import { apiRequestRecorder } from '@/lib/observability/metrics';
import { clientIp } from './client-ip';
import { AppError } from '@/lib/errors';
import { toErrorBody } from './error-body';
import type { AnyOperation, Operation, OperationAuth, Parsed } from './operation';
import type { RouteMethod } from './route-fallbacks';
import { routeRateLimits } from './route-rate-limits';

type Schema = z.ZodType | undefined;

const MAX_BODY_BYTES = 64 * 1024;

export interface RouteContext<A extends OperationAuth, B extends Schema, Q extends Schema, P extends Schema> {
  principal: A extends 'none'
    ? null
    : A extends 'optional'
      ? Principal | null
      : A extends 'user'
        ? UserPrincipal
        : A extends 'device'
          ? DevicePrincipal
          : Principal;
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
  headers: Headers;
  ip: string;
  requestId: string;
}

/** What a handler returns: the documented response's data, or nothing for a 204. */
type Answer<R extends Schema> = R extends z.ZodType ? z.output<R> : void;

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

/** Every answer's headers are given at construction: Headers.set on a built Response costs more on this hot path. */
const answerHeaders = (requestId: string, extra?: Record<string, string>) => ({ 'Cache-Control': 'no-store', ...extra, 'X-Request-Id': requestId });
const json = (data: unknown, status: number, headers: Record<string, string>) => Response.json(data, { status, headers });

/**
 * The one wrapper every API route goes through, serving the operation it is given (lib/<domain>/operations.ts):
 * resolves its auth, parses params, query and body with its zod schemas, takes its rate limit, runs the domain call
 * and answers its status with the data (or 204 without a body), mapping every failure to the error shape of DESIGN.md.
 * Outside production each answer is also checked against the operation's response schema, so a handler that strays
 * from its documentation fails its tests instead of misleading the reader of /docs.
 */
export function apiRoute<M extends RouteMethod, A extends OperationAuth, P extends Schema, Q extends Schema, B extends Schema, R extends Schema>(
  operation: Operation<M, A, P, Q, B, R>,
  handler: (ctx: RouteContext<A, B, Q, P>) => Promise<Answer<R>> | Answer<R>,
) {
  const recordRequest = apiRequestRecorder(operation.path, operation.method);
  const serve = async (request: Request, next: NextContext): Promise<Response> => {
    const started = performance.now();
    const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
    let response: Response;
    try {
      const params = operation.params ? parseParams(operation.params, await next.params) : undefined;
      // Public reads (the pay page's polling) skip the await: each promise costs on the hottest path.
      const principal = operation.auth === 'none' ? null : await principalFor(operation.auth, request.headers);
      const query = operation.query
        ? validate(operation.query, rejectNul(Object.fromEntries(new URL(request.url).searchParams)))
        : undefined;
      const body = operation.body ? validate(operation.body, await readBody(request, operation.form ?? false)) : undefined;
      const ip = clientIp(request.headers);
      if (operation.rateLimit) await routeRateLimits[operation.rateLimit].take({ ip, params, body } as never);
      const result = await handler({
        principal: principal as RouteContext<A, B, Q, P>['principal'],
        body: body as Parsed<B>,
        query: query as Parsed<Q>,
        params: params as Parsed<P>,
        headers: request.headers,
        ip,
        requestId,
      });
      if (operation.response) {
        if (CHECK_RESPONSES) checkResponse(operation, result);
        response = json(result, successStatus.get(result as object) ?? operation.status, answerHeaders(requestId));
      } else {
        response = new Response(null, { status: 204, headers: answerHeaders(requestId) });
      }
    } catch (error) {
      response = errorResponse(error, requestId, request);
    }
    recordRequest(response.status, (performance.now() - started) / 1000);
    return response;
  };
  return Object.assign(serve, { [OPERATION]: operation as AnyOperation });
}

export const OPERATION = Symbol.for('kpay.api.operation');

async function principalFor(auth: Exclude<OperationAuth, 'none'>, headers: Headers): Promise<Principal | DevicePrincipal | null> {
  if (auth === 'optional') {
    const sent = headers.has('authorization') || headers.has('x-api-key');
    return sent ? resolvePrincipal(headers, 'user_or_key') : null;
  }
  return resolvePrincipal(headers, auth);
}

const successStatus = new WeakMap<object, 200 | 201>();

/**
 * A handler's answer with another success status than its operation's: a create that finds the same request already
 * done (an idempotent retry) answers 200 with the existing resource instead of 201.
 */
export function answerWithStatus<T extends object>(data: T, status: 200 | 201): T {
  successStatus.set(data, status);
  return data;
}

/** The operation a route handler serves (undefined for a fallback): tests check it against the file's path and export name. */
export const operationOf = (handler: unknown): AnyOperation | undefined =>
  typeof handler === 'function' && OPERATION in handler ? (handler as { [OPERATION]: AnyOperation })[OPERATION] : undefined;

const CHECK_RESPONSES = process.env.NODE_ENV !== 'production';

function checkResponse(operation: AnyOperation, data: unknown): void {
  const checked = (operation.response as z.ZodType).safeParse(data);
  if (!checked.success) {
    throw new Error(`${operation.method} ${operation.path} answered outside its documented response:\n${z.prettifyError(checked.error)}`);
  }
}

function parseParams(schema: z.ZodType, raw: unknown) {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new AppError('not_found', 'Not found');
  return parsed.data;
}

/** Parses input with its schema, or throws 422 with each invalid field named; the API and dashboard actions share it. */
export function validate<S extends z.ZodType>(schema: S, raw: unknown): z.output<S> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new AppError('validation_failed', 'Some fields are invalid', fieldErrors(parsed.error));
}

/**
 * zod issues as `{ "path.to.field": "message" }`, first message per field; issues about the whole body use "body".
 * A strict schema's unknown keys become one "Unknown field" entry each, so a misspelt field is named, never dropped.
 */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields = new Map<string, string>();
  const add = (path: PropertyKey[], message: string) => {
    const key = path.length ? path.join('.') : 'body';
    if (!fields.has(key)) fields.set(key, message);
  };
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) add([...issue.path, key], 'Unknown field');
    else add(issue.path, issue.message);
  }
  // fromEntries defines own properties, so even a field named "__proto__" is reported and not turned into a prototype.
  return Object.fromEntries(fields);
}

const tooLarge = () => new AppError('payload_too_large', `Body must be at most ${MAX_BODY_BYTES} bytes`);

/** The body as text, at most MAX_BODY_BYTES of it (a chunked upload without Content-Length is refused after 64 KiB). */
async function readLimitedText(request: Request): Promise<string> {
  const bytes = await readLimitedBytes(request.body, MAX_BODY_BYTES, request.headers.get('content-length'));
  if (!bytes) throw tooLarge();
  return new TextDecoder().decode(bytes);
}

async function readBody(request: Request, acceptForm: boolean): Promise<unknown> {
  const text = await readLimitedText(request);
  const type = request.headers.get('content-type') ?? '';
  // curl -d sends form encoding by default; a body that looks like JSON is read as JSON whatever its label.
  if (acceptForm && type.includes('application/x-www-form-urlencoded') && !text.trimStart().startsWith('{')) {
    return rejectNul(Object.fromEntries(new URLSearchParams(text)));
  }
  if (text.trim() === '') throw new AppError('invalid_json', 'Request body must be a JSON object');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError('invalid_json', 'Request body is not valid JSON');
  }
  return rejectNul(parsed);
}

/**
 * PostgreSQL text cannot hold U+0000; refusing it here keeps it from ever reaching a query as a 500. Answers 400 with
 * the field that holds it (the API's bodies and queries, and dashboard actions, all come through here).
 */
export function rejectNul<T>(value: T): T {
  const field = nulField(value);
  if (field !== undefined) {
    const message = 'Must not contain NUL characters';
    throw new AppError('bad_request', 'Text must not contain NUL characters', { [field || 'body']: message });
  }
  return value;
}

/**
 * The dotted path of the first string (or key) holding U+0000. Breadth-first without recursion, and each entry keeps
 * only its parent's index, so 64 KiB of deep nesting costs neither stack nor quadratic path strings.
 */
function nulField(value: unknown): string | undefined {
  const queue: { value: unknown; parent: number; key: string }[] = [{ value, parent: -1, key: '' }];
  const pathOf = (index: number) => {
    const keys: string[] = [];
    for (let i = index; i > 0; i = queue[i]!.parent) keys.push(queue[i]!.key);
    return keys.reverse().join('.');
  };
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!.value;
    if (typeof current === 'string') {
      if (current.includes('\0')) return pathOf(i);
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        // A NUL in a key names its parent: the key itself cannot be echoed as a field name.
        if (key.includes('\0')) return pathOf(i);
        queue.push({ value: child, parent: i, key });
      }
    }
  }
  return undefined;
}

function errorResponse(error: unknown, requestId: string, request: Request): Response {
  const answer = toErrorBody(error, requestId);
  if (!answer.expected) logger.error({ err: error, requestId, method: request.method, path: new URL(request.url).pathname }, 'unhandled error');
  return json(answer.body, answer.status, answerHeaders(requestId, answer.headers));
}
