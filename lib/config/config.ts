import 'server-only';
import { z } from 'zod';
import { CHAINS_OF, type Network, NETWORKS } from '@/lib/currencies/networks';
import { loadGeneratedSecrets } from './generated-secrets';

/** "1.25" -> 125 basis points, by string arithmetic: a float never touches a money setting. */
export function percentToBasisPoints(percent: string): number {
  const [whole, fraction = ''] = percent.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

// Unset and empty (`KEY=` in a .env file) both mean "use the default".
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
const int = (fallback: number, min = 0) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : v), z.coerce.number().int().min(min));

/** `ltc:0.001,usdt_trc20:1`: a currency code and an amount in its unit, as a plain decimal. */
const CURRENCY_AMOUNTS = /^\s*[a-z0-9_]+:(0|[1-9][0-9]*)(\.[0-9]+)?\s*(,\s*[a-z0-9_]+:(0|[1-9][0-9]*)(\.[0-9]+)?\s*)*$/;

/** `btc:65000,eth:3000.5`: a price asset and its USD rate as a plain decimal. */
const RATE_LIST = /^\s*[a-z]+:(0|[1-9][0-9]*)(\.[0-9]+)?\s*(,\s*[a-z]+:(0|[1-9][0-9]*)(\.[0-9]+)?\s*)*$/;

const upper = (network: Network) => network.toUpperCase();

/** Per network: KPAY_<NETWORK>_CHAIN, _NODE_URL (a network without one is disabled), _CONFIRMATIONS, _CHAIN_ID (EVM). */
function networkVariables() {
  return Object.fromEntries(
    NETWORKS.flatMap((network) => [
      [`KPAY_${upper(network)}_CHAIN`, optional(z.enum(CHAINS_OF[network]))],
      [`KPAY_${upper(network)}_NODE_URL`, optional(z.url({ protocol: /^https?$/ }))],
      [`KPAY_${upper(network)}_CONFIRMATIONS`, optional(z.coerce.number().int().min(1).max(1000))],
      [`KPAY_${upper(network)}_CHAIN_ID`, optional(z.coerce.number().int().min(1))],
    ]),
  ) as Record<string, z.ZodOptional<z.ZodType<string | number | undefined>>>;
}

/** A gas price in gwei as a plain decimal (at most 9 places: whole wei), `fallback` when unset. */
const gwei = (fallback: string) =>
  z.preprocess((v) => (v === '' || v === undefined ? fallback : v), z.string().regex(/^(0|[1-9][0-9]{0,8})(\.[0-9]{1,9})?$/, 'must be gwei like 50 or 0.1'));

/** `a:1,b:2` as a map; the schema has checked the shape. */
const pairs = (list: string | undefined): Record<string, string> =>
  Object.fromEntries((list ?? '').split(',').filter((p) => p.trim()).map((p) => p.trim().split(':') as [string, string]));

/** Every environment variable KPay reads. The README's configuration table mirrors this list. */
const envSchema = z.object({
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')),
  KPAY_DATA_DIR: optional(z.string()),
  KPAY_PUBLIC_URL: optional(z.url({ protocol: /^https?$/ })),
  KPAY_JWT_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  NEXTAUTH_SECRET: optional(z.string().min(32, 'must be at least 32 characters')),
  KPAY_ENCRYPTION_KEY: optional(z.string().min(32, 'must be at least 32 characters')),
  KPAY_ACCESS_TOKEN_TTL_SECONDS: int(900, 30),
  KPAY_REFRESH_TOKEN_TTL_DAYS: int(30, 1),
  KPAY_TRUSTED_PROXIES: int(0, 0),
  KPAY_LOGIN_MAX_FAILURES: int(5, 1),
  KPAY_LOGIN_MAX_FAILURES_TOTAL: int(50, 1),
  KPAY_AUTH_REQUESTS_PER_IP: int(30, 1),
  KPAY_REGISTRATIONS_PER_IP: int(10, 1),
  KPAY_MAX_AMOUNT: int(100_000_000, 10_000),
  KPAY_FEE_PERCENT: z
    .preprocess((v) => (v === '' || v === undefined ? '1' : v), z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, 'must be a percentage like 1 or 0.75')),
  KPAY_FEE_MIN: int(0, 0),
  KPAY_FEE_MAX: optional(z.coerce.number().int().min(0)),
  // Whole Toman: the buyer types the amount in their banking app, and Rials below a Toman do not exist there.
  KPAY_AMOUNT_OFFSET_STEP: int(10, 10).refine((n) => n % 10 === 0, 'must be a whole number of Toman (a multiple of 10 Rials)'),
  KPAY_AMOUNT_OFFSET_MAX_STEPS: int(1_000, 1),
  KPAY_AMOUNT_OFFSET_MAX_PERCENT: z
    .preprocess((v) => (v === '' || v === undefined ? '1' : v), z.string().regex(/^\d{1,2}(\.\d{1,2})?$/, 'must be a percentage like 1 or 0.5')),
  KPAY_TRANSACTION_TTL_MINUTES: int(15, 1),
  KPAY_SMS_GRACE_MINUTES: int(2, 0),
  KPAY_SMS_LOOKBACK_MINUTES: int(24 * 60, 1),
  KPAY_ALLOW_PRIVATE_WEBHOOKS: z.preprocess((v) => v === '1' || v === 'true', z.boolean()),
  KPAY_WEBHOOK_RETRY_BASE_SECONDS: int(30, 1),
  KPAY_WEBHOOK_LEASE_SECONDS: int(60, 1),
  KPAY_EVENT_STREAMS_PER_IP: int(20, 1),
  KPAY_EVENT_STREAM_KEEPALIVE_SECONDS: int(20, 1),
  // Twice the 10,000 streams one instance is measured holding at about 74 KiB each (bench/README.md): 1.5 GiB.
  KPAY_EVENT_STREAMS_MAX: int(20_000, 1),
  KPAY_EVENT_STREAM_MAX_AGE_SECONDS: int(900, 1),
  KPAY_READY_CACHE_SECONDS: int(5, 0),
  KPAY_JOBS: optional(z.enum(['inline', 'off'])).transform((v) => v ?? 'inline'),
  // Bearer token Prometheus sends to /metrics; unset, /metrics answers 404 (nothing exposed by default).
  KPAY_METRICS_TOKEN: optional(z.string().min(16, 'must be at least 16 characters')),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).transform((v) => v ?? 'info'),
  // Crypto rail. The mnemonic is the wallet: see README "Crypto wallet" for backing it up.
  KPAY_WALLET_MNEMONIC: optional(z.string().max(1000)),
  KPAY_TOKEN_CONTRACTS: optional(z.string().regex(/^\s*[a-z0-9_]+:\S+\s*(,\s*[a-z0-9_]+:\S+\s*)*$/, 'must be like usdt_erc20:0x...,usdc_erc20:0x...')),
  KPAY_RATE_SOURCE: optional(z.enum(['coingecko', 'fixed'])).transform((v) => v ?? 'coingecko'),
  KPAY_COINGECKO_URL: optional(z.url({ protocol: /^https?$/ })),
  KPAY_COINGECKO_API_KEY: optional(z.string().max(200)),
  KPAY_FIXED_USD_RATES: optional(z.string().regex(RATE_LIST, 'must be like btc:65000,eth:3000.5')),
  KPAY_IRR_RATE_SOURCE: optional(z.enum(['nobitex', 'fixed'])).transform((v) => v ?? 'nobitex'),
  KPAY_NOBITEX_URL: optional(z.url({ protocol: /^https?$/ })),
  KPAY_FIXED_IRR_PER_USD: optional(z.string().regex(/^[1-9][0-9]{0,15}$/, 'must be a whole number of Rials')),
  KPAY_RATE_MAX_AGE_SECONDS: int(600, 1),
  KPAY_RATE_CACHE_SECONDS: int(30, 0),
  KPAY_RATE_TIMEOUT_MS: int(5_000, 100),
  KPAY_CRYPTO_TOPUP_MINUTES: int(60, 0),
  KPAY_WATCH_INTERVAL_SECONDS: int(5, 1),
  KPAY_WATCH_START_BELOW_TIP: int(6, 0),
  KPAY_TRON_API_KEY: optional(z.string().max(200)),
  KPAY_UTXO_FEE_RATE_MIN: int(2, 1),
  KPAY_UTXO_FEE_RATE_MAX: int(200, 1),
  // The highest gas price (gwei, decimals allowed) an EVM payout or sweep is signed at; above it, nothing is signed.
  KPAY_ETHEREUM_MAX_GAS_PRICE_GWEI: gwei('100'),
  KPAY_BSC_MAX_GAS_PRICE_GWEI: gwei('10'),
  KPAY_WITHDRAWAL_FEES: optional(z.string().regex(CURRENCY_AMOUNTS, 'must be like ltc:0.001,usdt_trc20:1')),
  KPAY_WITHDRAWAL_AUTO_APPROVE_BELOW: optional(z.string().regex(CURRENCY_AMOUNTS, 'must be like ltc:1,usdt_trc20:100')),
  KPAY_WITHDRAWAL_OPERATOR_ABOVE: optional(z.string().regex(CURRENCY_AMOUNTS, 'must be like ltc:50,usdt_trc20:5000')),
  ...networkVariables(),
}).refine((e) => e.KPAY_SMS_LOOKBACK_MINUTES > e.KPAY_SMS_GRACE_MINUTES, {
  path: ['KPAY_SMS_LOOKBACK_MINUTES'],
  // A deposit on time by the grace must still find its transaction holding the amount.
  message: 'must be longer than KPAY_SMS_GRACE_MINUTES',
});

export type Config = ReturnType<typeof readConfig>;

export function readConfig(env: Record<string, string | undefined>) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid KPay configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = e.KPAY_DATA_DIR ?? './.data';
  const secrets = loadGeneratedSecrets(dataDir, {
    jwt: e.KPAY_JWT_SECRET,
    session: e.NEXTAUTH_SECRET,
    encryption: e.KPAY_ENCRYPTION_KEY,
  });
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir,
    publicUrl: (e.KPAY_PUBLIC_URL ?? `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, ''),
    jwtSecret: secrets.jwt,
    sessionSecret: secrets.session,
    encryptionKey: secrets.encryption,
    accessTokenTtlSeconds: e.KPAY_ACCESS_TOKEN_TTL_SECONDS,
    refreshTokenTtlDays: e.KPAY_REFRESH_TOKEN_TTL_DAYS,
    trustedProxies: e.KPAY_TRUSTED_PROXIES,
    loginMaxFailures: e.KPAY_LOGIN_MAX_FAILURES,
    loginMaxFailuresTotal: e.KPAY_LOGIN_MAX_FAILURES_TOTAL,
    authRequestsPerIp: e.KPAY_AUTH_REQUESTS_PER_IP,
    registrationsPerIp: e.KPAY_REGISTRATIONS_PER_IP,
    minAmount: 10_000,
    maxAmount: e.KPAY_MAX_AMOUNT,
    fee: { basisPoints: percentToBasisPoints(e.KPAY_FEE_PERCENT), min: e.KPAY_FEE_MIN, max: e.KPAY_FEE_MAX },
    offset: {
      step: e.KPAY_AMOUNT_OFFSET_STEP,
      maxSteps: e.KPAY_AMOUNT_OFFSET_MAX_STEPS,
      maxBasisPoints: percentToBasisPoints(e.KPAY_AMOUNT_OFFSET_MAX_PERCENT),
    },
    transactionTtlMinutes: e.KPAY_TRANSACTION_TTL_MINUTES,
    sms: {
      /** A deposit stamped this long after expires_at still pays on time (bank SMS arrive late). */
      graceMs: e.KPAY_SMS_GRACE_MINUTES * 60_000,
      /** How long after leaving pending a deposit may still name a transaction, and its final_amount stays taken. */
      lookbackMs: e.KPAY_SMS_LOOKBACK_MINUTES * 60_000,
    },
    webhooks: {
      allowPrivateTargets: e.KPAY_ALLOW_PRIVATE_WEBHOOKS,
      retryBaseSeconds: e.KPAY_WEBHOOK_RETRY_BASE_SECONDS,
      leaseSeconds: e.KPAY_WEBHOOK_LEASE_SECONDS,
    },
    eventStreams: {
      /** Open status streams (the hosted pages' live updates) per client network, in this process. */
      perNetwork: e.KPAY_EVENT_STREAMS_PER_IP,
      /** A comment line this often keeps proxies and phones from dropping an idle stream. */
      keepAliveSeconds: e.KPAY_EVENT_STREAM_KEEPALIVE_SECONDS,
      /** Open status streams in this process, all clients together; past it new ones answer 503. */
      perProcess: e.KPAY_EVENT_STREAMS_MAX,
      /** A stream is ended after this long; EventSource reconnects with Last-Event-ID and misses nothing. */
      maxAgeSeconds: e.KPAY_EVENT_STREAM_MAX_AGE_SECONDS,
    },
    /** How long GET /api/health/ready reuses its answer (0: each call checks, though concurrent calls share one). */
    readyCacheSeconds: e.KPAY_READY_CACHE_SECONDS,
    crypto: {
      /** The BIP39 phrase when configured; lib/wallet otherwise keeps a generated one in the data folder. */
      walletMnemonic: e.KPAY_WALLET_MNEMONIC?.trim(),
      networks: Object.fromEntries(
        NETWORKS.map((network) => {
          const v = (name: string) => (e as Record<string, unknown>)[`KPAY_${upper(network)}_${name}`];
          return [
            network,
            {
              chain: (v('CHAIN') as string | undefined) ?? 'mainnet',
              nodeUrl: v('NODE_URL') as string | undefined,
              confirmations: v('CONFIRMATIONS') as number | undefined,
              chainId: v('CHAIN_ID') as number | undefined,
            },
          ];
        }),
      ) as { [N in Network]: { chain: (typeof CHAINS_OF)[N][number]; nodeUrl?: string; confirmations?: number; chainId?: number } },
      /** Token contracts by currency code for the configured chain (a dev chain's deployed test tokens). */
      tokenContracts: pairs(e.KPAY_TOKEN_CONTRACTS),
      /** After expiry, how long an underpaid payment may still be topped up before it fails. */
      topUpWindowMs: e.KPAY_CRYPTO_TOPUP_MINUTES * 60_000,
      watch: { intervalSeconds: e.KPAY_WATCH_INTERVAL_SECONDS, startBelowTip: e.KPAY_WATCH_START_BELOW_TIP },
      /** TronGrid's TRON-PRO-API-KEY, sent with every TRON request when set. */
      tronApiKey: e.KPAY_TRON_API_KEY,
      withdrawals: {
        /** Fee per currency in its unit, over the built-in defaults (lib/currencies/currencies.ts). */
        fees: pairs(e.KPAY_WITHDRAWAL_FEES),
        /** Below this amount (per currency) a withdrawal is approved at once; unset: the merchant confirms each one. */
        autoApproveBelow: pairs(e.KPAY_WITHDRAWAL_AUTO_APPROVE_BELOW),
        /** Above this amount an operator approves too; unset: never. */
        operatorAbove: pairs(e.KPAY_WITHDRAWAL_OPERATOR_ABOVE),
        /** Bounds of the fee rate (sat/vB) a UTXO withdrawal pays, around the node's estimate (or the floor without one). */
        utxoFeeRate: { min: e.KPAY_UTXO_FEE_RATE_MIN, max: e.KPAY_UTXO_FEE_RATE_MAX },
        /**
         * The gas price cap (gwei, decimal text) of EVM payouts and sweeps per network: above it nothing is signed and
         * the withdrawal waits, approved, for the network to calm down (docs/withdrawals.md).
         */
        evmMaxGasPriceGwei: { ethereum: e.KPAY_ETHEREUM_MAX_GAS_PRICE_GWEI, bsc: e.KPAY_BSC_MAX_GAS_PRICE_GWEI },
      },
    },
    rates: {
      usdSource: e.KPAY_RATE_SOURCE,
      coingecko: { url: (e.KPAY_COINGECKO_URL ?? 'https://api.coingecko.com/api/v3').replace(/\/+$/, ''), apiKey: e.KPAY_COINGECKO_API_KEY },
      /** USD per one unit of a price asset (btc, ltc, eth, bnb, trx), as configured decimals. */
      fixedUsd: pairs(e.KPAY_FIXED_USD_RATES),
      irrSource: e.KPAY_IRR_RATE_SOURCE,
      nobitex: { url: (e.KPAY_NOBITEX_URL ?? 'https://api.nobitex.ir').replace(/\/+$/, '') },
      /** Rials per USDT, when fixed. */
      fixedIrrPerUsd: e.KPAY_FIXED_IRR_PER_USD,
      maxAgeSeconds: e.KPAY_RATE_MAX_AGE_SECONDS,
      cacheSeconds: e.KPAY_RATE_CACHE_SECONDS,
      timeoutMs: e.KPAY_RATE_TIMEOUT_MS,
    },
    runJobsInline: e.KPAY_JOBS === 'inline',
    metricsToken: e.KPAY_METRICS_TOKEN,
    logLevel: e.LOG_LEVEL,
  };
}

const KEY = Symbol.for('kpay.config');
type Holder = { [KEY]?: Config };

/** Configuration, read and validated once per process. */
export function config(): Config {
  const g = globalThis as Holder;
  return (g[KEY] ??= readConfig(process.env));
}
