import os from 'node:os';
import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const port = Number(process.env.E2E_PORT ?? 3100);
// A fresh data folder per run: the e2e suite exercises the newcomer path (embedded database, generated secrets).
const dataDir = path.join(os.tmpdir(), `kpay-e2e-${process.pid}`);
// A second server whose public URL is https (TLS ends at a proxy in front of it, as in production): it must send HSTS,
// and the browser walks its pages for CSP violations (e2e/security-headers.spec.ts). Its own data folder and limits.
const securePort = port + 1;
process.env.E2E_SECURE_BASE_URL = `http://localhost:${securePort}`;
// Two servers for e2e/accessibility.spec.ts, which seeds many merchants: their own data folders and generous per-address
// limits (so the limits the other specs test stay untouched), and webhooks allowed to reach the spec's loopback receiver.
// The second gives payments one minute and late SMS no grace, so expired payments and late deposits appear within a run.
const a11yPort = port + 2;
const shortWindowPort = port + 3;
process.env.E2E_A11Y_BASE_URL = `http://localhost:${a11yPort}`;
process.env.E2E_SHORT_WINDOW_BASE_URL = `http://localhost:${shortWindowPort}`;
// The sandbox server (e2e/crypto-sandbox.spec.ts) on a REAL Litecoin Core regtest node: the hosted page's test wallet
// pays, the watcher sees the deposit, blocks are mined over the API, the payment completes.
const sandboxPort = port + 4;
process.env.E2E_SANDBOX_BASE_URL = `http://localhost:${sandboxPort}`;
// Crypto currencies are enabled by naming nodes (nothing here talks to them yet) and priced at fixed rates; the
// wallet's mnemonic is generated into each server's data folder, as on a newcomer's first start.
const cryptoEnv = {
  KPAY_BITCOIN_CHAIN: 'regtest',
  KPAY_BITCOIN_NODE_URL: 'http://127.0.0.1:18443',
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
};
// The sandbox server's: its litecoin node comes from the 'litecoind' webServer through process.env, so the placeholder
// URL is left out (an env entry here would override it); the watcher scans every second, two confirmations complete.
const sandboxEnv = {
  ...Object.fromEntries(Object.entries(cryptoEnv).filter(([name]) => name !== 'KPAY_LITECOIN_NODE_URL')),
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  KPAY_WATCH_INTERVAL_SECONDS: '1',
  KPAY_LITECOIN_CONFIRMATIONS: '2',
};
const a11yEnv = {
  ...cryptoEnv,
  DATABASE_URL: '',
  LOG_LEVEL: 'warn',
  KPAY_REGISTRATIONS_PER_IP: '1000',
  KPAY_AUTH_REQUESTS_PER_IP: '1000',
  KPAY_ALLOW_PRIVATE_WEBHOOKS: '1',
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    ...devices['Pixel 7'],
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'app', testIgnore: /rate-limit/ },
    // Exhausts the per-address limit of 127.0.0.1, so it runs after everything else.
    { name: 'rate-limits', testMatch: /rate-limit/, dependencies: ['app'] },
  ],
  // Started one after the other: the first builds when no build exists, the second reuses that build. They run through
  // the whole suite, so only what many specs use belongs here: e2e/multi-instance.spec.ts starts its PostgreSQL
  // database, two app instances and worker itself, and stops them after its tests (e2e/multi-instance-processes.ts).
  webServer: [
    {
      name: 'http',
      // `npm start` builds when no build exists, exactly as a newcomer's first start does.
      command: 'npm start',
      url: `http://localhost:${port}/api/openapi.json`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: { ...cryptoEnv, PORT: String(port), KPAY_DATA_DIR: dataDir, KPAY_PUBLIC_URL: `http://localhost:${port}`, DATABASE_URL: '', LOG_LEVEL: 'warn' },
    },
    {
      name: 'https',
      command: 'npm start',
      url: `http://localhost:${securePort}/api/openapi.json`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        PORT: String(securePort),
        ...cryptoEnv,
        KPAY_DATA_DIR: `${dataDir}-https`,
        KPAY_PUBLIC_URL: `https://localhost:${securePort}`,
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
    },
    {
      name: 'a11y',
      command: 'npm start',
      url: `http://localhost:${a11yPort}/api/openapi.json`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: { ...a11yEnv, PORT: String(a11yPort), KPAY_DATA_DIR: `${dataDir}-a11y`, KPAY_PUBLIC_URL: `http://localhost:${a11yPort}` },
    },
    {
      name: 'short-window',
      command: 'npm start',
      url: `http://localhost:${shortWindowPort}/api/openapi.json`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        ...a11yEnv,
        PORT: String(shortWindowPort),
        KPAY_DATA_DIR: `${dataDir}-short`,
        KPAY_PUBLIC_URL: `http://localhost:${shortWindowPort}`,
        KPAY_TRANSACTION_TTL_MINUTES: '1',
        KPAY_SMS_GRACE_MINUTES: '0',
      },
    },
    {
      // Not a web server: Playwright starts webServers BEFORE globalSetup, and the sandbox server below needs the node's
      // URL in its environment, so the node is started here, in order. e2e/chain-nodes.ts starts litecoind -regtest,
      // funds its wallet and prints its URL; `wait.stdout`'s named groups put that line's values into process.env, which
      // every later webServer and the test workers inherit. At the end of the run Playwright tears the webServers down
      // in reverse order: the sandbox server first, then this one, whose SIGTERM stops the node and removes its data.
      name: 'litecoind',
      command: 'node --import tsx e2e/chain-nodes.ts',
      wait: { stdout: /E2E_LITECOIND=(?<e2e_litecoind>\w+) KPAY_LITECOIN_NODE_URL=(?<kpay_litecoin_node_url>\S+)/ },
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 20_000 },
    },
    {
      name: 'sandbox',
      command: 'npm start',
      url: `http://localhost:${sandboxPort}/api/openapi.json`,
      timeout: 120_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      // KPAY_LITECOIN_NODE_URL: inherited from process.env, where the 'litecoind' entry above has put it.
      env: { ...sandboxEnv, PORT: String(sandboxPort), KPAY_DATA_DIR: `${dataDir}-sandbox`, KPAY_PUBLIC_URL: `http://localhost:${sandboxPort}` },
    },
  ],
});
