import path from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(__dirname),
      // Next.js resolves `server-only` to an empty module on the server and to one that throws in client bundles;
      // plain Node (tests here) gets the throwing one, so tests, which are server code, get the empty one.
      'server-only': path.resolve(__dirname, 'node_modules/server-only/empty.js'),
    },
  },
  test: {
    include: ['lib/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Tests never read or write ./.data: secrets are fixed here and each file opens its own database
    // (test/test-database.ts): a fresh PostgreSQL database when TEST_DATABASE_URL is set, in-memory PGlite otherwise.
    env: {
      KPAY_DATA_DIR: path.join(__dirname, 'node_modules', '.cache', 'kpay-test-data'),
      KPAY_JWT_SECRET: 'test-jwt-secret-that-is-at-least-32-characters',
      NEXTAUTH_SECRET: 'test-session-secret-at-least-32-characters!!',
      KPAY_ENCRYPTION_KEY: 'test-encryption-key-at-least-32-characters!!',
      KPAY_ALLOW_PRIVATE_WEBHOOKS: '1',
      KPAY_JOBS: 'off',
      KPAY_WEBHOOK_RETRY_BASE_SECONDS: '1',
      KPAY_PUBLIC_URL: 'http://kpay.test',
      DATABASE_URL: '',
      LOG_LEVEL: 'silent',
    },
  },
});
