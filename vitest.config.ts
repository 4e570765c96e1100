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
    include: ['lib/**/*.test.ts', 'components/**/*.test.ts', 'test/**/*.test.ts'],
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
      // The crypto rail: the published test mnemonic, fixed rates, and nodes named for litecoin (regtest), ethereum
      // (dev) and tron; bitcoin has none, so it is the disabled network. Chain tests start real nodes themselves.
      KPAY_WALLET_MNEMONIC: 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about',
      KPAY_LITECOIN_CHAIN: 'regtest',
      KPAY_LITECOIN_NODE_URL: 'http://127.0.0.1:19443',
      KPAY_ETHEREUM_CHAIN: 'dev',
      KPAY_ETHEREUM_NODE_URL: 'http://127.0.0.1:8545',
      KPAY_TRON_NODE_URL: 'http://127.0.0.1:8090',
      KPAY_TOKEN_CONTRACTS: 'usdt_erc20:0x5FbDB2315678afecb367f032d93F642f64180aa3',
      KPAY_RATE_SOURCE: 'fixed',
      KPAY_FIXED_USD_RATES: 'btc:65000,ltc:80.25,eth:3000,bnb:600,trx:0.125',
      KPAY_IRR_RATE_SOURCE: 'fixed',
      KPAY_FIXED_IRR_PER_USD: '1000000',
    },
  },
});
