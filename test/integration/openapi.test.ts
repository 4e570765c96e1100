import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/openapi.json/route';
import { ERROR_STATUS } from '@/lib/api/error-body';
import { operationOf } from '@/lib/api/handler';
import { operations } from '@/lib/api/openapi';
import { apiClient, listApiRoutes } from '../api-client';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

const toOpenApiPath = (pattern: string) => pattern.replace(/\[(\w+)\]/g, '{$1}');
/** A concrete path for a route pattern, with well-formed ids that name nothing. */
const concretePath = (pattern: string) =>
  `/api${pattern.replaceAll(/\[(\w+)\]/g, (_, name: string) => (name === 'authority' ? 'A'.repeat(24) : crypto.randomUUID()))}`;
const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

interface JsonSchema {
  type?: string | string[];
  examples?: unknown[];
  const?: unknown;
  default?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
}

/**
 * The example a viewer such as Scalar builds from a JSON schema: the schema's own example, else its constant, default or
 * first enum value, else one built from its properties or items. A value it would have to make up (a bare string or
 * number) is recorded in `missing` by its path.
 */
function exampleOf(schema: JsonSchema, path: string, missing: string[]): unknown {
  if (schema.examples?.length) return schema.examples[0];
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.anyOf) return exampleOf(schema.anyOf.find((s) => s.type !== 'null') ?? schema.anyOf[0]!, path, missing);
  if (schema.type === 'boolean') return true;
  if (schema.type === 'array' && schema.items) return [exampleOf(schema.items, `${path}[]`, missing)];
  if (schema.type === 'object' && schema.properties) {
    return Object.fromEntries(Object.entries(schema.properties).map(([key, s]) => [key, exampleOf(s, `${path}.${key}`, missing)]));
  }
  missing.push(path);
  return undefined;
}
const CATCH_ALL = '/[[...path]]';

describe('OpenAPI document', () => {
  it('documents exactly the methods and paths the route files serve', async () => {
    const served = (await listApiRoutes())
      // The catch-all serves nothing (its handlers are all fallbacks), so it adds no operation here.
      .filter((r) => r.pattern !== '/openapi.json')
      .flatMap((r) => r.methods.map((m) => `${m} ${toOpenApiPath(r.pattern)}`))
      .sort();
    const documented = operations.map((op) => `${op.method.toUpperCase()} ${op.path}`).sort();
    expect(documented).toEqual(served);
  });

  it('serves each method with the operation of that method and path (apiRoute takes the documented object)', async () => {
    for (const route of await listApiRoutes()) {
      for (const method of route.methods) {
        const served = operationOf(route.handlers[method]);
        if (route.pattern === '/openapi.json') expect(served).toBeUndefined();
        else expect(served && `${served.method} ${served.path}`, `${method} ${route.pattern}`).toBe(`${method} ${toOpenApiPath(route.pattern)}`);
        if (served) expect(operations, `${method} ${route.pattern}`).toContain(served);
      }
    }
  });

  it('marks exactly the endpoints that answer 401 without credentials as secured', async () => {
    const call = apiClient();
    for (const op of operations) {
      // Well-formed ids that name nothing, so auth is what decides the answer.
      const path = concretePath(op.path.replaceAll(/\{(\w+)\}/g, '[$1]'));
      const res = await call(op.method.toUpperCase(), path, op.body ? { body: {} } : {});
      // 'optional' is public: credentials, when sent, only narrow what the caller sees.
      if (op.auth === 'none' || op.auth === 'optional') expect(res.status, path).not.toBe(401);
      else expect(res.status, path).toBe(401);
    }
  });

  it('answers every method a route file does not serve with 405 JSON and an Allow header of the documented ones', async () => {
    const call = apiClient();
    const routes = (await listApiRoutes()).filter((r) => r.pattern !== CATCH_ALL);
    for (const route of routes) {
      // Each route file exports every method (Next answers one it does not export with an empty 405).
      expect([...route.methods, ...route.fallbacks].sort(), route.pattern).toEqual([...ROUTE_METHODS, 'OPTIONS'].sort());
      const documented =
        route.pattern === '/openapi.json'
          ? ['GET']
          : operations.filter((op) => op.path === toOpenApiPath(route.pattern)).map((op) => op.method.toUpperCase());
      const allow = [...documented, ...(documented.includes('GET') ? ['HEAD'] : []), 'OPTIONS'].sort();
      const path = concretePath(route.pattern);
      for (const method of ROUTE_METHODS.filter((m) => !documented.includes(m))) {
        const res = await call(method, path, method === 'GET' ? {} : { body: {} });
        expect(res.status, `${method} ${path}`).toBe(405);
        expect(res.body).toEqual({ error: { code: 'method_not_allowed', message: expect.stringContaining(method) } });
        expect(res.headers.get('allow')?.split(', ').sort(), `${method} ${path}`).toEqual(allow);
      }
      const options = await call('OPTIONS', path);
      expect(options.status).toBe(204);
      expect(options.headers.get('allow')?.split(', ').sort()).toEqual(allow);
    }
  });

  it('answers a path no route file serves with 404 JSON, whatever the method', async () => {
    const call = apiClient();
    const unknown: [string, string][] = [
      ['GET', '/api/nope'],
      ['POST', '/api/nope/deeper'],
      ['DELETE', '/api'],
      ['GET', `/api/transactions/check/${'A'.repeat(24)}/more`],
      ['PATCH', '/api/shops/x/webhooks/y/z/w'],
      ['OPTIONS', '/api/nope'],
    ];
    for (const [method, path] of unknown) {
      const res = await call(method, path, method === 'GET' || method === 'OPTIONS' ? {} : { body: {} });
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } });
    }
  });

  it('names the rate limiters on exactly the public writes and sign-in endpoints, and documents their 429', async () => {
    const limited = Object.fromEntries(operations.filter((op) => op.rateLimit).map((op) => [`${op.method} ${op.path}`, op.rateLimit]));
    expect(limited).toEqual({
      'POST /auth/register': 'registration',
      'POST /auth/login': 'auth',
      'POST /auth/refresh': 'auth',
      'POST /transactions/payment/{authority}/claim': 'claim',
      'POST /sandbox/payments/{id}/pay': 'testPayment',
    });
    const doc = await GET().json();
    for (const route of Object.keys(limited)) {
      const [method, path] = route.split(' ') as [string, string];
      const tooMany = doc.paths[path][method.toLowerCase()].responses['429'];
      expect(tooMany.description, route).toContain('rate_limited');
      expect(tooMany.headers, route).toHaveProperty('Retry-After');
    }
  });

  it('opens /docs on an introduction: authentication, errors, the card-to-card flow and webhooks', async () => {
    const { description } = (await GET().json()).info;
    for (const heading of ['## Authentication', '## Errors', '## Accepting a card-to-card payment', '## Webhooks']) {
      expect(description).toContain(heading);
    }
    // The points a newcomer must not miss: which credential, why verify needs it, the error shape, the signature.
    expect(description).toContain('X-API-Key');
    expect(description).toContain('**Verify needs the shop\'s API key**');
    expect(description).toContain('"error": { "code"');
    expect(description).toContain('KPay-Signature: t=<unix seconds>,v1=');
    // Every error code is explained.
    for (const code of Object.keys(ERROR_STATUS)) expect(description, code).toContain(`\`${code}\``);
  });

  it('shows a realistic example for every field, and every example passes its own schema', async () => {
    const doc = await GET().json();
    const text = JSON.stringify(doc);
    // zod's default bounds for an integer, which viewers used to show as its example.
    expect(text).not.toContain('9007199254740991');
    const missing: string[] = [];
    for (const op of operations) {
      const where = `${op.method} ${op.path}`;
      const documented = doc.paths[op.path][op.method.toLowerCase()];
      const parameters: { name: string; in: string; schema: JsonSchema }[] = documented.parameters ?? [];
      const valuesOf = (place: string) =>
        Object.fromEntries(parameters.filter((p) => p.in === place).map((p) => [p.name, exampleOf(p.schema, `${where} ${p.name}`, missing)]));
      if (op.params) expect(op.params.safeParse(valuesOf('path')).error, where).toBeUndefined();
      if (op.query) expect(op.query.safeParse(valuesOf('query')).error, where).toBeUndefined();
      if (op.body) {
        const body = exampleOf(documented.requestBody.content['application/json'].schema, `${where} body`, missing);
        expect(op.body.safeParse(body).error, where).toBeUndefined();
      }
      if (op.response) {
        const response = exampleOf(documented.responses[String(op.status)].content['application/json'].schema, `${where} response`, missing);
        expect(op.response.safeParse(response).error, where).toBeUndefined();
      }
    }
    expect(missing).toEqual([]);
    // Realistic, not placeholders: Rials, an authority, a Persian name, a mobile.
    const create = doc.paths['/transactions/create'].post.requestBody.content['application/json'].schema;
    expect(exampleOf(create, 'create', [])).toMatchObject({ amount: 1250000, callback_url: expect.stringMatching(/^https:\/\//) });
    expect(text).toContain('09121234567');
    expect(text).toContain('علی رضایی');
  });

  it('is served as OpenAPI 3.1 JSON with request schemas from zod', async () => {
    const res = GET();
    const doc = await res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.servers[0].url).toBe('http://kpay.test/api');
    const register = doc.paths['/auth/register'].post;
    const schema = register.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(['name', 'mobile', 'password']);
    expect(schema.properties.password).toMatchObject({ minLength: 6, maxLength: 128 });
    expect(register.responses['201'].content['application/json'].schema.required).toContain('access_token');
    expect(doc.paths['/auth/login'].post.requestBody.content).toHaveProperty('application/x-www-form-urlencoded');
    expect(doc.paths['/shops/{id}'].patch.parameters[0]).toMatchObject({ name: 'id', in: 'path', required: true });
  });
});
