import { readFile } from 'node:fs/promises';
import path from 'node:path';

// Scalar's self-contained browser bundle, served from our own origin because KPay hosts
// often have no internet access and the docs page's CSP only allows 'self' scripts.
const BUNDLE_PATH = path.join(
  process.cwd(),
  'node_modules/@scalar/api-reference/dist/browser/standalone.js',
);

// ~3 MB; read once per process and keep the promise so concurrent first hits share one read.
let bundle: Promise<Uint8Array<ArrayBuffer>> | undefined;

export async function GET(): Promise<Response> {
  bundle ??= readFile(BUNDLE_PATH).then(
    (file) => new Uint8Array(file),
    (error: unknown) => {
      bundle = undefined; // let the next request retry instead of caching the failure
      throw error;
    },
  );
  return new Response(await bundle, {
    headers: {
      'Content-Type': 'application/javascript; charset=utf-8',
      // /docs links here with ?v=<scalar version>, so a new version gets a new URL.
      'Cache-Control': 'public, max-age=31536000, immutable',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
