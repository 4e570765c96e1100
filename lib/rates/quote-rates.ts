import { type Config, config } from '@/lib/config/config';
import { fetchCoingeckoUsdRate } from './coingecko';
import { canonicalRate } from './decimal-rate';
import { fetchNobitexIrrPerUsd } from './nobitex';
import { isPriceAsset, type PriceAsset } from './price-assets';
import { type RateQuote, rateUnavailable } from './rate-quote';

export interface RateQuoter {
  /** USD per one whole unit of `asset`: 1 for the pegged 'usd', else from the configured source. */
  usdPerUnit(asset: PriceAsset): Promise<RateQuote>;
  /** Rials per USD (per USDT, Nobitex's market), from the configured source. */
  irrPerUsd(): Promise<RateQuote>;
}

export interface RateFetchers {
  coingecko?: typeof fetchCoingeckoUsdRate;
  nobitex?: typeof fetchNobitexIrrPerUsd;
}

export interface QuoterClock {
  /** The clock for quote times, cache expiry and freshness; tests move it. */
  now?: () => Date;
}

interface Kept {
  quote: RateQuote;
  /** When it was fetched, by the quoter's clock. */
  fetchedAt: number;
}

/**
 * Rates as the crypto rail prices with them, from `settings` (config().rates):
 * - 'usd' (a dollar stablecoin) is `{ rate: '1', source: 'peg' }`, always, whatever the source.
 * - Fixed sources read KPAY_FIXED_USD_RATES / KPAY_FIXED_IRR_PER_USD, dated now; one that is missing or zero is an
 *   AppError 'rate_unavailable' naming the setting, never a zero rate.
 * - CoinGecko and Nobitex answers are kept in memory for cacheSeconds, per asset, and never served once the quote is
 *   older than maxAgeSeconds (a CoinGecko price is dated by CoinGecko, so it can age out before the cache does). A
 *   failed fetch is not kept: the next caller asks again. Concurrent callers for the same rate share one request.
 */
export function createRateQuoter(settings: Config['rates'], fetcher: RateFetchers = {}, clock: QuoterClock = {}): RateQuoter {
  const now = clock.now ?? (() => new Date());
  const coingecko = fetcher.coingecko ?? fetchCoingeckoUsdRate;
  const nobitex = fetcher.nobitex ?? fetchNobitexIrrPerUsd;
  const kept = new Map<string, Kept>();
  const inFlight = new Map<string, Promise<RateQuote>>();
  const common = { timeoutMs: settings.timeoutMs, maxAgeSeconds: settings.maxAgeSeconds, now };

  function cached(key: string, load: () => Promise<RateQuote>): Promise<RateQuote> {
    const t = now().getTime();
    const hit = kept.get(key);
    if (hit && t - hit.fetchedAt < settings.cacheSeconds * 1000 && t - hit.quote.at.getTime() <= settings.maxAgeSeconds * 1000) {
      return Promise.resolve(hit.quote);
    }
    const running = inFlight.get(key);
    if (running) return running;
    const request = Promise.resolve()
      .then(load)
      .then((quote) => {
        kept.set(key, { quote, fetchedAt: now().getTime() });
        return quote;
      });
    inFlight.set(key, request);
    // Registered before any caller's handler, so the slot is free by the time a failure reaches a caller.
    const release = () => void inFlight.delete(key);
    request.then(release, release);
    return request;
  }

  function fixed(text: string | undefined, setting: string, example: string): RateQuote {
    if (text === undefined || text === '') throw rateUnavailable(`No fixed rate configured: set ${setting} (e.g. ${example})`);
    try {
      return { rate: canonicalRate(text), source: 'fixed', at: now() };
    } catch {
      throw rateUnavailable(`${setting} must be a positive decimal (e.g. ${example}), got ${JSON.stringify(text.slice(0, 40))}`);
    }
  }

  return {
    async usdPerUnit(asset) {
      if (!isPriceAsset(asset)) throw new RangeError(`Unknown price asset ${JSON.stringify(asset)}`);
      if (asset === 'usd') return { rate: '1', source: 'peg', at: now() };
      if (settings.usdSource === 'fixed') {
        const text = Object.hasOwn(settings.fixedUsd, asset) ? settings.fixedUsd[asset] : undefined;
        return fixed(text, `KPAY_FIXED_USD_RATES for ${asset}`, `${asset}:65000.5`);
      }
      const { url, apiKey } = settings.coingecko;
      return cached(`usd:${asset}`, () => coingecko(asset, { url, apiKey, ...common }));
    },

    async irrPerUsd() {
      if (settings.irrSource === 'fixed') return fixed(settings.fixedIrrPerUsd, 'KPAY_FIXED_IRR_PER_USD', '1020000');
      return cached('irr', () => nobitex({ url: settings.nobitex.url, ...common }));
    },
  };
}

const KEY = Symbol.for('kpay.rateQuoter');
type Holder = { [KEY]?: RateQuoter };

/** The process-wide quoter on config().rates, built once (kept on globalThis, so a dev reload keeps its cache). */
export function rateQuoter(): RateQuoter {
  const g = globalThis as Holder;
  return (g[KEY] ??= createRateQuoter(config().rates));
}
