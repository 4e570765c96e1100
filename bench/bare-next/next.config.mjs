import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The repository's root: its node_modules serve this app too (Turbopack resolves nothing outside its root).
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** As bare as a Next app gets; only what KPay's own next.config.ts also sets for the same reason. */
const nextConfig = {
  serverExternalPackages: ['postgres'],
  poweredByHeader: false,
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default nextConfig;
