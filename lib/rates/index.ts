// The public API of lib/rates: exchange rates for the crypto rail and exact conversions with them.
export { COINGECKO_IDS, isPriceAsset, type MarketPriceAsset, PRICE_ASSETS, type PriceAsset } from './price-assets';
export { type RateQuote } from './rate-quote';
export { type CoingeckoOptions, fetchCoingeckoUsdRate } from './coingecko';
export { fetchNobitexIrrPerUsd, type NobitexOptions } from './nobitex';
export { cryptoUnitsForIrr, cryptoUnitsForUsd, usdForIrr } from './convert';
export { createRateQuoter, type RateFetchers, type RateQuoter, rateQuoter } from './quote-rates';
