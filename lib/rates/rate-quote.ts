import { AppError } from '@/lib/errors';

/** An exchange rate as stored with a payment: exact, attributed and dated. */
export interface RateQuote {
  /** A plain decimal string, > 0, in canonical form ("67187.3358", "1024990"): no exponent, sign or padding zeros. */
  rate: string;
  /** Where it came from: 'coingecko', 'nobitex', 'fixed' (configuration) or 'peg' (a stablecoin at 1 USD). */
  source: string;
  /** When the provider says the rate was true; the fetch time when it does not say (Nobitex), or when it was read. */
  at: Date;
}

/**
 * A provider clock a little ahead of ours is skew, not news: up to this much in the future is accepted (and counts as
 * age 0). Anything further ahead means a broken clock or a broken answer, and is refused.
 */
export const MAX_CLOCK_SKEW_SECONDS = 60;

/** The one error every rate failure becomes: the API answers it with 503, and nothing is priced. */
export const rateUnavailable = (message: string) => new AppError('rate_unavailable', message);

/** Throws rate_unavailable when `at` is older than `maxAgeSeconds` or absurdly in the future, seen from `now`. */
export function assertFresh(provider: string, at: Date, now: Date, maxAgeSeconds: number): void {
  const ageMs = now.getTime() - at.getTime();
  if (Number.isNaN(ageMs)) throw rateUnavailable(`${provider} rate has no valid time`);
  if (ageMs > maxAgeSeconds * 1000) {
    throw rateUnavailable(
      `${provider} rate is stale: last updated ${Math.floor(ageMs / 1000)} s ago (${at.toISOString()}), more than the ${maxAgeSeconds} s allowed`,
    );
  }
  if (-ageMs > MAX_CLOCK_SKEW_SECONDS * 1000) {
    throw rateUnavailable(`${provider} rate is dated ${at.toISOString()}, in the future: refusing it`);
  }
}
