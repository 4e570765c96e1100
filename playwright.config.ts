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
  // Started one after the other: the first builds when no build exists, the second reuses that build.
  webServer: [
    {
      name: 'http',
      // `npm start` builds when no build exists, exactly as a newcomer's first start does.
      command: 'npm start',
      url: `http://localhost:${port}/api/openapi.json`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: { PORT: String(port), KPAY_DATA_DIR: dataDir, KPAY_PUBLIC_URL: `http://localhost:${port}`, DATABASE_URL: '', LOG_LEVEL: 'warn' },
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
        KPAY_DATA_DIR: `${dataDir}-https`,
        KPAY_PUBLIC_URL: `https://localhost:${securePort}`,
        DATABASE_URL: '',
        LOG_LEVEL: 'warn',
      },
    },
  ],
});
