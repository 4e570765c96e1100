import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/openapi.json/route';
import { operations } from '@/lib/api/openapi';
import { apiClient, listApiRoutes } from '../api-client';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

const toOpenApiPath = (pattern: string) => pattern.replace(/\[(\w+)\]/g, '{$1}');
/** A concrete path for a route pattern, with well-formed ids that name nothing. */
const concretePath = (pattern: string) =>
  `/api${pattern.replaceAll(/\[(\w+)\]/g, (_, name: string) => (name === 'authority' ? 'A'.repeat(24) : crypto.randomUUID()))}`;
const ROUTE_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];
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

  it('marks exactly the endpoints that answer 401 without credentials as secured', async () => {
    const call = apiClient();
    for (const op of operations) {
      // Well-formed ids that name nothing, so auth is what decides the answer.
      const path = concretePath(op.path.replaceAll(/\{(\w+)\}/g, '[$1]'));
      const res = await call(op.method.toUpperCase(), path, op.body ? { body: {} } : {});
      if (op.auth === 'none') expect(res.status, path).not.toBe(401);
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
