import { isLosslessNumber } from 'lossless-json';
import { fetchProviderJson } from './fetch-provider-json';
import { isJsonObject, ownField } from './json-shape';
import { type RateQuote, rateUnavailable } from './rate-quote';

export interface NobitexOptions {
  /** The API root without a trailing slash: https://api.nobitex.ir (or a proxy, or a test server). */
  url: string;
  timeoutMs: number;
  /** Nobitex dates nothing, so nothing here is checked against it; the quoter uses it to expire what it keeps. */
  maxAgeSeconds: number;
  now?: () => Date;
}

const PROVIDER = 'Nobitex';
const MARKET = 'usdt-rls';
/** A whole number of Rials; a fraction of only zeros ("1024990.0") is still whole. No leading zeros, no sign. */
const WHOLE_RIALS = /^([1-9][0-9]{0,17})(?:\.0+)?$/;

/**
 * Rials per one USDT (KPay's Rials-per-USD rate) from Nobitex's public market statistics,
 * `GET {url}/market/stats?srcCurrency=usdt&dstCurrency=rls`, documented (github.com/nobitex/docs-api, "آمار بازار") as
 * `{"status":"ok","stats":{"usdt-rls":{"isClosed":false,"bestSell":"…","bestBuy":"…","latest":"…","mark":"…",…}}}`
 * with prices as strings in Rials (not Toman).
 *
 * The rate is `latest`, the price of the market's last trade: what the market last agreed on, the figure Iranian sites
 * quote as "the USDT price", and neither side of the spread. `bestSell`/`bestBuy` are one side's offer each (choosing
 * one would tilt every conversion toward the merchant or the buyer) and vanish from a thin book; `mark` is an
 * exchange-internal reference for its margin engine. Refused: status other than "ok", a missing market, `isClosed`
 * anything but false, `latest` missing, zero, negative or not a whole number of Rials.
 *
 * Nobitex gives no time for its statistics, so `at` is when the answer arrived here (the fetch time). maxAgeSeconds
 * then bounds how long the quoter may keep serving it (lib/rates/quote-rates.ts), not the age of the last trade.
 */
export async function fetchNobitexIrrPerUsd(options: NobitexOptions): Promise<RateQuote> {
  const now = options.now ?? (() => new Date());
  const body = await fetchProviderJson({
    provider: PROVIDER,
    url: `${options.url.replace(/\/+$/, '')}/market/stats?srcCurrency=usdt&dstCurrency=rls`,
    timeoutMs: options.timeoutMs,
  });
  const at = now();

  if (!isJsonObject(body)) throw rateUnavailable(`${PROVIDER} answer is not a JSON object`);
  const status = ownField(body, 'status');
  if (status !== 'ok') {
    const said = typeof status === 'string' ? JSON.stringify(status.slice(0, 40)) : 'missing';
    throw rateUnavailable(`${PROVIDER} answered status ${said}, not "ok"`);
  }
  const stats = ownField(body, 'stats');
  const market = isJsonObject(stats) ? ownField(stats, MARKET) : undefined;
  if (!isJsonObject(market)) throw rateUnavailable(`${PROVIDER} answer has no ${MARKET} market`);
  const isClosed = ownField(market, 'isClosed');
  if (isClosed === true) throw rateUnavailable(`${PROVIDER} ${MARKET} market is closed`);
  if (isClosed !== false) throw rateUnavailable(`${PROVIDER} ${MARKET} answer does not say the market is open (isClosed)`);

  const latest = ownField(market, 'latest');
  // Documented as a string; a JSON number is taken too, its digits kept exactly by lossless-json.
  const text = typeof latest === 'string' ? latest : isLosslessNumber(latest) ? latest.value : undefined;
  if (text === undefined) throw rateUnavailable(`${PROVIDER} ${MARKET} answer has no latest price`);
  const whole = WHOLE_RIALS.exec(text)?.[1];
  if (!whole) {
    throw rateUnavailable(`${PROVIDER} ${MARKET} latest price is not a positive whole number of Rials: ${JSON.stringify(text.slice(0, 40))}`);
  }
  return { rate: whole, source: 'nobitex', at };
}
