import 'server-only';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { logger } from '@/lib/observability/logger';

type SecretName = 'jwt' | 'session' | 'encryption';

/**
 * Secrets that must survive restarts (token signing key, session secret, the key that encrypts webhook secrets). A configured value wins; otherwise one is
 * generated once into <dataDir>/secrets.json (mode 0600) so a newcomer's `npm start` just works.
 */
export function loadGeneratedSecrets(
  dataDir: string,
  configured: Record<SecretName, string | undefined>,
): Record<SecretName, string> {
  const missing = (Object.keys(configured) as SecretName[]).filter((k) => !configured[k]);
  if (missing.length === 0) return configured as Record<SecretName, string>;

  const file = path.join(dataDir, 'secrets.json');
  let stored: Partial<Record<SecretName, string>> = {};
  try {
    stored = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // First run: nothing stored yet.
  }
  const toGenerate = missing.filter((k) => !stored[k]);
  if (toGenerate.length > 0) {
    for (const k of toGenerate) stored[k] = randomBytes(32).toString('base64url');
    mkdirSync(dataDir, { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(stored, null, 2), { mode: 0o600 });
    renameSync(tmp, file);
    logger.warn(
      { file, generated: toGenerate },
      'generated secrets into the data folder; set KPAY_JWT_SECRET and NEXTAUTH_SECRET in production',
    );
  }
  return Object.fromEntries(
    (Object.keys(configured) as SecretName[]).map((k) => [k, configured[k] ?? stored[k]!]),
  ) as Record<SecretName, string>;
}
