import { buildOpenApiDocument } from '@/lib/api/openapi';
import { config } from '@/lib/config/config';
import { otherMethods } from '@/lib/api/route-fallbacks';

let document: string | undefined;

export function GET() {
  // Built once per process: the schemas do not change at run time.
  document ??= JSON.stringify(buildOpenApiDocument(config().publicUrl));
  return new Response(document, { headers: { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' } });
}

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods('GET');
