import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { AppError } from '@/lib/errors';
import { clientNetwork } from './client-ip';
import { config } from '@/lib/config/config';

const WINDOW_SECONDS = 15 * 60;

// In-process counters: correct for one app process; several instances each count their own (README: scaling out).
const KEY = Symbol.for('kpay.rate-limiters');
type Limiters = Record<
  | 'authPerIp'
  | 'registerPerIp'
  | 'registerPerMobile'
  | 'loginFailuresPerNetwork'
  | 'loginFailuresPerMobile'
  | 'claimPerIp'
  | 'claimPerAuthority',
  RateLimiterMemory
>;
const holder = globalThis as { [KEY]?: Limiters };

function limiters(): Limiters {
  const c = config();
  return (holder[KEY] ??= {
    authPerIp: new RateLimiterMemory({ keyPrefix: 'auth-ip', points: c.authRequestsPerIp, duration: WINDOW_SECONDS }),
    registerPerIp: new RateLimiterMemory({ keyPrefix: 'reg-ip', points: c.registrationsPerIp, duration: 60 * 60 }),
    registerPerMobile: new RateLimiterMemory({ keyPrefix: 'reg-mobile', points: 5, duration: 60 * 60 }),
    // Wrong passwords for one mobile from one client network: stops a guesser without locking the owner out elsewhere.
    loginFailuresPerNetwork: new RateLimiterMemory({ keyPrefix: 'login-fail-net', points: c.loginMaxFailures, duration: WINDOW_SECONDS }),
    // ...and from all networks together: a higher cap against a guesser who spreads over many addresses.
    loginFailuresPerMobile: new RateLimiterMemory({ keyPrefix: 'login-fail', points: c.loginMaxFailuresTotal, duration: WINDOW_SECONDS }),
    claimPerIp: new RateLimiterMemory({ keyPrefix: 'claim-ip', points: 20, duration: WINDOW_SECONDS }),
    claimPerAuthority: new RateLimiterMemory({ keyPrefix: 'claim-auth', points: 5, duration: WINDOW_SECONDS }),
  });
}

const tooMany = (msBeforeNext: number) =>
  new AppError('rate_limited', 'Too many attempts; try again later', undefined, Math.max(1, Math.ceil(msBeforeNext / 1000)));

async function consume(limiter: RateLimiterMemory, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (e) {
    if (e instanceof RateLimiterRes) throw tooMany(e.msBeforeNext);
    throw e;
  }
}

/** Every per-address limit counts by client network (an IPv6 /64, an IPv4 address), never by the raw address. */
const perAddress = (limiter: RateLimiterMemory, ip: string) => consume(limiter, clientNetwork(ip));
const loginNetworkKey = (mobile: string, ip: string) => `${mobile}|${clientNetwork(ip)}`;

export const limitAuthRequest = (ip: string) => perAddress(limiters().authPerIp, ip);
/** Registrations per address, and attempts per mobile (probing which numbers have accounts). */
export async function limitRegistration(ip: string, mobile: string): Promise<void> {
  await perAddress(limiters().registerPerIp, ip);
  await consume(limiters().registerPerMobile, mobile);
}

/** A buyer's "I have paid" form: a few per payment, and a bound per address across payments. */
export async function limitPaymentClaim(ip: string, authority: string): Promise<void> {
  await perAddress(limiters().claimPerIp, ip);
  await consume(limiters().claimPerAuthority, authority);
}

/**
 * Takes a failure point for this mobile from this network, and one from the mobile's overall cap, BEFORE the password
 * is checked: parallel guesses each take their own point, so no more of them reach the check than the limit allows.
 * Refused (429) when either is spent; a refused attempt checked nothing, so it keeps no point. loginSucceeded gives
 * the points back.
 */
export async function takeLoginAttempt(mobile: string, ip: string): Promise<void> {
  const { loginFailuresPerNetwork, loginFailuresPerMobile } = limiters();
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
  const { loginFailuresPerNetwork, loginFailuresPerMobile } = limiters();
  await loginFailuresPerNetwork.delete(loginNetworkKey(mobile, ip));
  await loginFailuresPerMobile.reward(mobile, 1);
}
