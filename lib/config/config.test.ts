import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config';
import { loadGeneratedSecrets } from './generated-secrets';

describe('loadGeneratedSecrets', () => {
  it('generates missing secrets once into the data folder, private to the owner, and reuses them', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'kpay-secrets-'));
    const first = loadGeneratedSecrets(dir, { jwt: undefined, session: undefined, encryption: undefined });
    expect(first.jwt).toMatch(/^[\w-]{43}$/);
    expect(first.session).not.toBe(first.jwt);
    const file = path.join(dir, 'secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadGeneratedSecrets(dir, { jwt: undefined, session: undefined, encryption: undefined })).toEqual(first);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(first);
  });

  it('prefers configured values and writes nothing when all are configured', () => {
    const dir = path.join(mkdtempSync(path.join(os.tmpdir(), 'kpay-secrets-')), 'never-created');
    const configured = { jwt: 'j'.repeat(32), session: 's'.repeat(32), encryption: 'e'.repeat(32) };
    expect(loadGeneratedSecrets(dir, configured)).toEqual(configured);
    expect(() => statSync(dir)).toThrow();
  });
});

describe('readConfig', () => {
  const base = { KPAY_JWT_SECRET: 'j'.repeat(32), NEXTAUTH_SECRET: 's'.repeat(32), KPAY_ENCRYPTION_KEY: 'e'.repeat(32) };

  it('applies defaults, treating empty values as unset', () => {
    const c = readConfig({ ...base, DATABASE_URL: '', KPAY_ACCESS_TOKEN_TTL_SECONDS: '', PORT: '4000' });
    expect(c).toMatchObject({ databaseUrl: undefined, dataDir: './.data', publicUrl: 'http://localhost:4000', accessTokenTtlSeconds: 900 });
    // `KEY=` lines of a copied .env.example mean the default for every variable.
    expect(readConfig({ ...base, KPAY_JOBS: '', LOG_LEVEL: '', PORT: '' })).toMatchObject({
      runJobsInline: true,
      logLevel: 'info',
      publicUrl: 'http://localhost:3000',
    });
  });

  it('reads .env.example as it is: every variable listed there is valid', () => {
    const example = Object.fromEntries(
      readFileSync(path.join(__dirname, '../../.env.example'), 'utf8')
        .split('\n')
        .filter((line) => /^[A-Z_]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(example).length).toBeGreaterThan(50);
    expect(readConfig({ ...example, ...base }).crypto.networks.bitcoin).toEqual({ chain: 'mainnet', nodeUrl: undefined, confirmations: 2, chainId: undefined });
  });

  it('reads the crypto networks, token contracts and rate sources', () => {
    const c = readConfig({
      ...base,
      KPAY_LITECOIN_CHAIN: 'regtest',
      KPAY_LITECOIN_NODE_URL: 'http://127.0.0.1:19443',
      KPAY_ETHEREUM_CHAIN: 'dev',
      KPAY_ETHEREUM_CHAIN_ID: '31337',
      KPAY_TOKEN_CONTRACTS: ' usdt_erc20:0xabc , usdc_erc20:0xdef',
      KPAY_RATE_SOURCE: 'fixed',
      KPAY_FIXED_USD_RATES: 'btc:65000.5,eth:3000',
    });
    expect(c.crypto.networks.litecoin).toMatchObject({ chain: 'regtest', nodeUrl: 'http://127.0.0.1:19443' });
    expect(c.crypto.networks.ethereum).toMatchObject({ chain: 'dev', chainId: 31337 });
    expect(c.crypto.tokenContracts).toEqual({ usdt_erc20: '0xabc', usdc_erc20: '0xdef' });
    expect(c.rates).toMatchObject({ usdSource: 'fixed', fixedUsd: { btc: '65000.5', eth: '3000' }, irrSource: 'nobitex' });
    for (const bad of [{ KPAY_BITCOIN_CHAIN: 'dev' }, { KPAY_TRON_CHAIN: 'regtest' }, { KPAY_FIXED_USD_RATES: 'btc:1e5' }, { KPAY_ETHEREUM_NODE_URL: 'ws://x' }]) {
      expect(() => readConfig({ ...base, ...bad }), JSON.stringify(bad)).toThrow(new RegExp(Object.keys(bad)[0]!));
    }
  });

  it('stops with a message naming every bad variable', () => {
    const bad = { ...base, DATABASE_URL: 'mysql://x', KPAY_PUBLIC_URL: 'ftp://x', KPAY_LOGIN_MAX_FAILURES: '0', KPAY_JWT_SECRET: 'short' };
    const message = (() => {
      try {
        readConfig(bad);
        return 'no error';
      } catch (e) {
        return String(e);
      }
    })();
    expect(message).toMatch(/^Error: Invalid KPay configuration/);
    for (const name of ['DATABASE_URL', 'KPAY_PUBLIC_URL', 'KPAY_LOGIN_MAX_FAILURES', 'KPAY_JWT_SECRET']) expect(message).toContain(name);
  });

  it('refuses an offset that is not whole Toman, and a lookback no longer than the grace', () => {
    expect(() => readConfig({ ...base, KPAY_AMOUNT_OFFSET_STEP: '15' })).toThrow(/KPAY_AMOUNT_OFFSET_STEP/);
    expect(() => readConfig({ ...base, KPAY_SMS_LOOKBACK_MINUTES: '2', KPAY_SMS_GRACE_MINUTES: '2' })).toThrow(/KPAY_SMS_LOOKBACK_MINUTES/);
    expect(readConfig({ ...base, KPAY_AMOUNT_OFFSET_STEP: '1000', KPAY_AMOUNT_OFFSET_MAX_PERCENT: '0.5' }).offset).toEqual({
      step: 1000,
      maxSteps: 1000,
      maxBasisPoints: 50,
    });
  });

  it('caps event streams per instance above the 10,000 one instance is measured holding, and lets readiness checks be shared or not', () => {
    expect(readConfig(base)).toMatchObject({ eventStreams: { perProcess: 20_000, maxAgeSeconds: 900 }, readyCacheSeconds: 5 });
    expect(readConfig({ ...base, KPAY_READY_CACHE_SECONDS: '0' }).readyCacheSeconds).toBe(0);
    for (const bad of [{ KPAY_EVENT_STREAMS_MAX: '0' }, { KPAY_EVENT_STREAM_MAX_AGE_SECONDS: '0' }, { KPAY_READY_CACHE_SECONDS: '-1' }]) {
      expect(() => readConfig({ ...base, ...bad }), JSON.stringify(bad)).toThrow(new RegExp(Object.keys(bad)[0]!));
    }
  });
});
