#!/usr/bin/env node
// `npm start`: builds once when there is no build yet (so `npm ci && npm start` works on a fresh clone), then serves
// KPay. Database migrations run inside the server at start-up (instrumentation.ts): PGlite allows one process per
// data folder, so nothing else may open it.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';

const dir = process.cwd();
const require = createRequire(import.meta.url);

if (!existsSync(path.join(dir, '.next', 'BUILD_ID'))) {
  console.log('kpay: no production build yet, running `next build` once (about a minute)...');
  const build = spawnSync(process.execPath, [require.resolve('next/dist/bin/next'), 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

process.env.NODE_ENV = 'production';
const { default: next } = await import('next');
const port = Number(process.env.PORT || 3000);
const app = next({ dev: false, dir, port });
const handle = app.getRequestHandler();
await app.prepare();

// HSTS follows the public URL the server runs with (read after prepare(), which loads .env files), on every response:
// pages, API, /docs and static files alike. next.config.ts headers are fixed when the app is built, so it cannot
// decide this. Sent even though this server speaks plain HTTP: TLS ends at the proxy in front of it.
const hsts = /^https:/i.test(process.env.KPAY_PUBLIC_URL ?? '') ? 'max-age=63072000; includeSubDomains' : undefined;

const server = http.createServer((req, res) => {
  if (hsts) res.setHeader('Strict-Transport-Security', hsts);
  // The socket address is appended, never replaced: the app trusts only the last KPAY_TRUSTED_PROXIES + 1 entries,
  // so a client cannot choose its own rate-limit key by sending X-Forwarded-For.
  const peer = (req.socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
  const prior = req.headers['x-forwarded-for'];
  req.headers['x-forwarded-for'] = prior ? `${prior}, ${peer}` : peer;
  handle(req, res);
});
server.listen(port, () => console.log(`kpay: listening on http://localhost:${port}`));

async function shutdown(signal) {
  console.log(`kpay: ${signal}, shutting down`);
  server.close();
  // Registered by instrumentation.ts: closes the database cleanly (PGlite flushes its data folder).
  await globalThis[Symbol.for('kpay.shutdown')]?.();
  process.exit(0);
}
process.once('SIGINT', () => shutdown('SIGINT'));
process.once('SIGTERM', () => shutdown('SIGTERM'));
