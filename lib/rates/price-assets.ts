/**
 * What a currency is priced in USD by: a coin's own market price, or 'usd' for a dollar stablecoin (USDT, USDC), which
 * KPay takes at 1:1 (a peg, not a market price). lib/currencies' `priceAsset` names one of these per currency.
 */
export const PRICE_ASSETS = ['btc', 'ltc', 'eth', 'bnb', 'trx', 'usd'] as const;
export type PriceAsset = (typeof PRICE_ASSETS)[number];

/** The price assets with a market price: every one but the pegged 'usd'. */
export type MarketPriceAsset = Exclude<PriceAsset, 'usd'>;

/** CoinGecko's coin id of each market-priced asset (the `ids` of /simple/price; see CoinGecko's /coins/list). */
export const COINGECKO_IDS: Readonly<Record<MarketPriceAsset, string>> = Object.freeze({
  btc: 'bitcoin',
  ltc: 'litecoin',
  eth: 'ethereum',
  bnb: 'binancecoin',
  trx: 'tron',
});

export const isPriceAsset = (value: unknown): value is PriceAsset =>
  typeof value === 'string' && (PRICE_ASSETS as readonly string[]).includes(value);

export const isMarketPriceAsset = (value: unknown): value is MarketPriceAsset => isPriceAsset(value) && value !== 'usd';
