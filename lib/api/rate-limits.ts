import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { ApiError } from './errors';
import { config } from '@/lib/config/config';

const WINDOW_SECONDS = 15 * 60;

// In-process counters: correct for one app process; several instances each count their own (README: scaling out).
const KEY = Symbol.for('kpay.rate-limiters');
type Limiters = Record<'authPerIp' | 'registerPerIp' | 'registerPerMobile' | 'loginFailuresPerMobile' | 'claimPerIp' | 'claimPerAuthority' | 'publicPerIp', RateLimiterMemory>;
const holder = globalThis as { [KEY]?: Limiters };

function limiters(): Limiters {
  const c = config();
  return (holder[KEY] ??= {
    authPerIp: new RateLimiterMemory({ keyPrefix: 'auth-ip', points: c.authRequestsPerIp, duration: WINDOW_SECONDS }),
    registerPerIp: new RateLimiterMemory({ keyPrefix: 'reg-ip', points: c.registrationsPerIp, duration: 60 * 60 }),
    registerPerMobile: new RateLimiterMemory({ keyPrefix: 'reg-mobile', points: 5, duration: 60 * 60 }),
    loginFailuresPerMobile: new RateLimiterMemory({
      keyPrefix: 'login-fail',
      points: c.loginMaxFailures,
      duration: WINDOW_SECONDS,
    }),
    claimPerIp: new RateLimiterMemory({ keyPrefix: 'claim-ip', points: 20, duration: WINDOW_SECONDS }),
    claimPerAuthority: new RateLimiterMemory({ keyPrefix: 'claim-auth', points: 5, duration: WINDOW_SECONDS }),
    // Public writes other than claims (verify): generous, only against floods.
    publicPerIp: new RateLimiterMemory({ keyPrefix: 'public-ip', points: 600, duration: 60 }),
  });
}

const tooMany = (msBeforeNext: number) =>
  new ApiError('rate_limited', 'Too many attempts; try again later', undefined, {
    'Retry-After': String(Math.max(1, Math.ceil(msBeforeNext / 1000))),
  });

async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw tooMany(e.msBeforeNext);
    throw e;
  }
}

export const limitAuthRequest = (ip: string) => consume(limiters().authPerIp, ip);
/** Registrations per address, and attempts per mobile (probing which numbers have accounts). */
export async function limitRegistration(ip: string, mobile: string): Promise<void> {
  await consume(limiters().registerPerIp, ip);
  await consume(limiters().registerPerMobile, mobile);
}
export const limitPublicWrite = (ip: string) => consume(limiters().publicPerIp, ip);

/** A buyer's "I have paid" form: a few per payment, and a bound per address across payments. */
export async function limitPaymentClaim(ip: string, authority: string): Promise<void> {
  await consume(limiters().claimPerIp, ip);
  await consume(limiters().claimPerAuthority, authority);
}

/** Refuses before the password is even checked once a mobile has failed too often. */
export async function assertLoginAllowed(mobile: string): Promise<void> {
  const limiter = limiters().loginFailuresPerMobile;
  const res = await limiter.get(mobile);
  if (res && res.consumedPoints >= limiter.points) throw tooMany(res.msBeforeNext);
}

export async function recordLoginFailure(mobile: string): Promise<void> {
  await limiters().loginFailuresPerMobile.penalty(mobile, 1);
}

export async function clearLoginFailures(mobile: string): Promise<void> {
  await limiters().loginFailuresPerMobile.delete(mobile);
}
