import { RateLimiterMemory, RateLimiterPostgres, type RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
import { type DatabaseHandle, databaseHandle } from '@/db/client';
import { AppError } from '@/lib/errors';
import { clientNetwork } from './client-ip';
import { config } from '@/lib/config/config';

const WINDOW_SECONDS = 15 * 60;

type LimiterName =
  | 'authPerIp'
  | 'registerPerIp'
  | 'registerPerMobile'
  | 'loginFailuresPerNetwork'
  | 'loginFailuresPerMobile'
  | 'claimPerIp'
  | 'claimPerAuthority';
type Limiters = Record<LimiterName, RateLimiterAbstract>;

// Built once per database handle (tests install a new one per file), on globalThis: Next bundles routes separately.
const KEY = Symbol.for('kpay.rate-limiters');
const holder = globalThis as { [KEY]?: { handle: DatabaseHandle; limiters: Limiters } };

async function limiters(): Promise<Limiters> {
  const handle = await databaseHandle();
  const held = holder[KEY];
  if (held?.handle === handle) return held.limiters;
  const limiters = createLimiters(handle);
  holder[KEY] = { handle, limiters };
  return limiters;
}

interface LimiterSpec {
  keyPrefix: string;
  points: number;
  duration: number;
}

/**
 * On PostgreSQL every instance counts in one table (rate_limits, made by migration 0014), so N app processes allow what
 * one does; embedded PGlite is one process, so its counters stay in memory. Keys start with the limiter's prefix.
 */
function limiterFor(handle: DatabaseHandle): (spec: LimiterSpec, cleansTable?: boolean) => RateLimiterAbstract {
  if (handle.driver === 'pglite') return (spec) => new RateLimiterMemory(spec);
  // The node-postgres pool shape the library calls (storeType 'pool'), on the app's own connection pool. rowCount
  // tells `get` whether a live row was found; `delete` (no RETURNING) always sees 0, so its boolean is not used here.
  const storeClient = {
    query: async ({ text, values }: { text: string; values?: unknown[] }) => {
      const { rows } = await handle.executeSql(text, values);
      return { rows, rowCount: rows.length };
    },
  };
  return (spec, cleansTable = false) =>
    new RateLimiterPostgres({
      ...spec,
      storeClient,
      storeType: 'pool',
      tableName: 'rate_limits',
      tableCreated: true,
      // Its cleanup deletes every row expired over an hour ago, whatever the limiter, every 5 minutes: one per process.
      clearExpiredByTimeout: cleansTable,
      // The database slow or down: this process counts alone meanwhile, rather than answering 500 or letting all through.
      insuranceLimiter: new RateLimiterMemory(spec),
    });
}

function createLimiters(handle: DatabaseHandle): Limiters {
  const c = config();
  const limiter = limiterFor(handle);
  return {
    authPerIp: limiter({ keyPrefix: 'auth-ip', points: c.authRequestsPerIp, duration: WINDOW_SECONDS }, true),
    registerPerIp: limiter({ keyPrefix: 'reg-ip', points: c.registrationsPerIp, duration: 60 * 60 }),
    registerPerMobile: limiter({ keyPrefix: 'reg-mobile', points: 5, duration: 60 * 60 }),
    // Wrong passwords for one mobile from one client network: stops a guesser without locking the owner out elsewhere.
    loginFailuresPerNetwork: limiter({ keyPrefix: 'login-fail-net', points: c.loginMaxFailures, duration: WINDOW_SECONDS }),
    // ...and from all networks together: a higher cap against a guesser who spreads over many addresses.
    loginFailuresPerMobile: limiter({ keyPrefix: 'login-fail', points: c.loginMaxFailuresTotal, duration: WINDOW_SECONDS }),
    claimPerIp: limiter({ keyPrefix: 'claim-ip', points: 20, duration: WINDOW_SECONDS }),
    claimPerAuthority: limiter({ keyPrefix: 'claim-auth', points: 5, duration: WINDOW_SECONDS }),
  };
}

const tooMany = (msBeforeNext: number) =>
  new AppError('rate_limited', 'Too many attempts; try again later', undefined, Math.max(1, Math.ceil(msBeforeNext / 1000)));

async function consume(limiter: RateLimiterAbstract, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw tooMany(e.msBeforeNext);
    throw e;
  }
}

/** Every per-address limit counts by client network (an IPv6 /64, an IPv4 address), never by the raw address. */
const perAddress = (limiter: RateLimiterAbstract, ip: string) => consume(limiter, clientNetwork(ip));
const loginNetworkKey = (mobile: string, ip: string) => `${mobile}|${clientNetwork(ip)}`;

export const limitAuthRequest = async (ip: string) => perAddress((await limiters()).authPerIp, ip);
/** Registrations per address, and attempts per mobile (probing which numbers have accounts). */
export async function limitRegistration(ip: string, mobile: string): Promise<void> {
  const { registerPerIp, registerPerMobile } = await limiters();
  await perAddress(registerPerIp, ip);
  await consume(registerPerMobile, mobile);
}

/** A buyer's "I have paid" form: a few per payment, and a bound per address across payments. */
export async function limitPaymentClaim(ip: string, authority: string): Promise<void> {
  const { claimPerIp, claimPerAuthority } = await limiters();
  await perAddress(claimPerIp, ip);
  await consume(claimPerAuthority, authority);
}

/**
 * Takes a failure point for this mobile from this network, and one from the mobile's overall cap, BEFORE the password
 * is checked: parallel guesses each take their own point, so no more of them reach the check than the limit allows.
 * Refused (429) when either is spent; a refused attempt checked nothing, so it keeps no point. loginSucceeded gives
 * the points back.
 */
export async function takeLoginAttempt(mobile: string, ip: string): Promise<void> {
  const { loginFailuresPerNetwork, loginFailuresPerMobile } = await limiters();
  const networkKey = loginNetworkKey(mobile, ip);
  await consume(loginFailuresPerNetwork, networkKey);
  try {
    await consume(loginFailuresPerMobile, mobile);
  } catch (e) {
    await loginFailuresPerNetwork.reward(networkKey, 1);
    throw e;
  }
}

/**
 * The right password: this network's count starts over (whoever is there knows the password), and the overall cap
 * gets back only this attempt's point, so failures from other networks keep counting.
 */
export async function loginSucceeded(mobile: string, ip: string): Promise<void> {
  const { loginFailuresPerNetwork, loginFailuresPerMobile } = await limiters();
  await loginFailuresPerNetwork.delete(loginNetworkKey(mobile, ip));
  await loginFailuresPerMobile.reward(mobile, 1);
}
