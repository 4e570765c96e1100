import { describe, expect, it } from 'vitest';
import { GET } from '@/app/api/openapi.json/route';
import { operations } from '@/lib/api/openapi';
import { apiClient, listApiRoutes } from '../api-client';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

const toOpenApiPath = (pattern: string) => pattern.replace(/\[(\w+)\]/g, '{$1}');

describe('OpenAPI document', () => {
  it('documents exactly the methods and paths the route files serve', async () => {
    const served = (await listApiRoutes())
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
      const path = `/api${op.path.replaceAll(/\{(\w+)\}/g, (_, name: string) => (name === 'authority' ? 'A'.repeat(24) : crypto.randomUUID()))}`;
      const res = await call(op.method.toUpperCase(), path, op.body ? { body: {} } : {});
      if (op.auth === 'none') expect(res.status, path).not.toBe(401);
      else expect(res.status, path).toBe(401);
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
