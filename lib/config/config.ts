import 'server-only';
import { z } from 'zod';
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
  KPAY_JOBS: optional(z.enum(['inline', 'off'])).transform((v) => v ?? 'inline'),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).transform((v) => v ?? 'info'),
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
    runJobsInline: e.KPAY_JOBS === 'inline',
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
