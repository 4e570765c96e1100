import { isLosslessNumber } from 'lossless-json';
import { fetchProviderJson } from './fetch-provider-json';
import { isJsonObject, ownField } from './json-shape';
import { canonicalRate, jsonNumberToPlainDecimal } from './decimal-rate';
import { COINGECKO_IDS, isMarketPriceAsset, type PriceAsset } from './price-assets';
import { assertFresh, type RateQuote, rateUnavailable } from './rate-quote';

export interface CoingeckoOptions {
  /** The API root without a trailing slash: https://api.coingecko.com/api/v3 (or a proxy, or a test server). */
  url: string;
  /** A Demo API key, sent as the `x-cg-demo-api-key` header (CoinGecko's recommended way: never in the URL). */
  apiKey?: string;
  timeoutMs: number;
  /** A price CoinGecko last updated longer ago than this is refused. */
  maxAgeSeconds: number;
  now?: () => Date;
}

const PROVIDER = 'CoinGecko';

/**
 * USD per one unit of `asset` from CoinGecko's /simple/price, e.g. for btc:
 * `GET {url}/simple/price?ids=bitcoin&vs_currencies=usd&include_last_updated_at=true&precision=full`, answered
 * `{"bitcoin":{"usd":67187.3358,"last_updated_at":1711356300}}`. The price is a JSON number: lossless-json keeps its
 * digits, and an exponent ("1.5e-7") is converted exactly by moving the point. `at` is `last_updated_at` (Unix seconds),
 * which must be present, no older than maxAgeSeconds and not in the future beyond clock skew. Every failure is an
 * AppError 'rate_unavailable'. 'usd' is pegged, not priced: asking CoinGecko for it is a bug (RangeError).
 */
export async function fetchCoingeckoUsdRate(asset: PriceAsset, options: CoingeckoOptions): Promise<RateQuote> {
  if (!isMarketPriceAsset(asset)) throw new RangeError(`No CoinGecko price for ${JSON.stringify(asset)}: not a market-priced asset`);
  const id = COINGECKO_IDS[asset];
  const now = options.now ?? (() => new Date());
  const query = new URLSearchParams({ ids: id, vs_currencies: 'usd', include_last_updated_at: 'true', precision: 'full' });
  const body = await fetchProviderJson({
    provider: PROVIDER,
    url: `${options.url.replace(/\/+$/, '')}/simple/price?${query}`,
    headers: options.apiKey ? { 'x-cg-demo-api-key': options.apiKey } : undefined,
    timeoutMs: options.timeoutMs,
  });

  const entry = isJsonObject(body) ? ownField(body, id) : undefined;
  if (!isJsonObject(entry)) throw rateUnavailable(`${PROVIDER} answer has no price for ${id}`);

  const usd = ownField(entry, 'usd');
  if (!isLosslessNumber(usd)) throw rateUnavailable(`${PROVIDER} answer has no USD price for ${id}`);
  const plain = jsonNumberToPlainDecimal(usd.value);
  let rate: string;
  try {
    rate = canonicalRate(plain ?? usd.value);
  } catch {
    throw rateUnavailable(`${PROVIDER} USD price for ${id} is not a positive number: ${usd.value.slice(0, 40)}`);
  }

  const updated = ownField(entry, 'last_updated_at');
  const seconds = isLosslessNumber(updated) && /^[1-9][0-9]{0,11}$/.test(updated.value) ? Number(updated.value) : NaN;
  if (!Number.isSafeInteger(seconds)) throw rateUnavailable(`${PROVIDER} answer has no valid last_updated_at for ${id}`);
  const at = new Date(seconds * 1000);
  assertFresh(`${PROVIDER} ${id}`, at, now(), options.maxAgeSeconds);

  return { rate, source: 'coingecko', at };
}
