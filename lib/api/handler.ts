import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { type AuthMode, type DevicePrincipal, type Principal, resolvePrincipal, type UserPrincipal } from '@/lib/auth/principal';
import { logger } from '@/lib/observability/logger';
import { clientIp } from './client-ip';
import { AppError } from '@/lib/errors';
import { toErrorBody } from './error-body';

const MAX_BODY_BYTES = 64 * 1024;

type Schema = z.ZodType | undefined;
type Out<S extends Schema> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteOptions<A extends AuthMode | 'none', B extends Schema, Q extends Schema, P extends Schema> {
  /** 'none' for public endpoints; 'user' needs a user JWT; 'user_or_key' also takes a shop API key; 'device' an SMS forwarder token. */
  auth: A;
  body?: B;
  query?: Q;
  /** Path parameters; a value that fails this schema cannot name anything, so it answers 404. */
  params?: P;
  /** Also accept application/x-www-form-urlencoded bodies (OAuth2 password clients). */
  form?: boolean;
}

export interface RouteContext<A extends AuthMode | 'none', B extends Schema, Q extends Schema, P extends Schema> {
  principal: A extends 'none' ? null : A extends 'user' ? UserPrincipal : A extends 'device' ? DevicePrincipal : Principal;
  body: Out<B>;
  query: Out<Q>;
  params: Out<P>;
  headers: Headers;
  ip: string;
  requestId: string;
}

type NextContext = { params: Promise<Record<string, string | string[] | undefined>> };

export const json = (data: unknown, status = 200, headers?: Record<string, string>) =>
  Response.json(data, { status, headers });
export const created = (data: unknown) => json(data, 201);
export const noContent = () => new Response(null, { status: 204 });

/**
 * The one wrapper every API route goes through: authenticates, parses params, query and body with zod, runs the
 * domain call and maps every failure to the error shape of DESIGN.md. A handler returns data (200) or a Response.
 */
export function apiRoute<A extends AuthMode | 'none', B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  options: RouteOptions<A, B, Q, P>,
  handler: (ctx: RouteContext<A, B, Q, P>) => Promise<unknown>,
) {
  return async (request: Request, next: NextContext): Promise<Response> => {
    const requestId = request.headers.get('x-request-id')?.slice(0, 64) || randomUUID();
    let response: Response;
    try {
      const params = options.params ? parseParams(options.params, await next.params) : undefined;
      const principal = options.auth === 'none' ? null : await resolvePrincipal(request.headers, options.auth);
      const query = options.query
        ? validate(options.query, rejectNul(Object.fromEntries(new URL(request.url).searchParams)))
        : undefined;
      const body = options.body ? validate(options.body, await readBody(request, options.form ?? false)) : undefined;
      const result = await handler({
        principal: principal as RouteContext<A, B, Q, P>['principal'],
        body: body as Out<B>,
        query: query as Out<Q>,
        params: params as Out<P>,
        headers: request.headers,
        ip: clientIp(request.headers),
        requestId,
      });
      response = result instanceof Response ? result : json(result);
    } catch (error) {
      response = errorResponse(error, requestId, request);
    }
    response.headers.set('X-Request-Id', requestId);
    if (!response.headers.has('Cache-Control')) response.headers.set('Cache-Control', 'no-store');
    return response;
  };
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

/**
 * The body as text, counted while it streams in: past MAX_BODY_BYTES the read stops and the stream is cancelled, so a
 * chunked upload without Content-Length is refused after 64 KiB instead of being buffered whole.
 */
async function readLimitedText(request: Request): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      // Not awaited: a client that stops sending must not hold the answer.
      reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
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
  return json(answer.body, answer.status, answer.headers);
}
