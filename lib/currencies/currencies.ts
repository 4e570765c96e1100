import type { PriceAsset } from '@/lib/rates/price-assets';
import type { Network, NetworkFamily } from './networks';
import { FAMILY_OF } from './networks';

export const CURRENCY_CODES = ['btc', 'ltc', 'eth', 'usdt_erc20', 'usdc_erc20', 'bnb', 'usdt_bep20', 'trx', 'usdt_trc20'] as const;
export type CurrencyCode = (typeof CURRENCY_CODES)[number];

export interface Currency {
  code: CurrencyCode;
  name: string;
  symbol: string;
  network: Network;
  family: NetworkFamily;
  /** A glyph the API lists (the contract's `icon`); pages draw their own. */
  icon: string;
  /** Digits after the point in the currency's unit: amounts are integer base units (satoshi, wei, sun, token units). */
  decimals: number;
  /**
   * A token's contract per chain; the chain's native coin has none. Watchers allow-list tokens by this address, never by
   * symbol. A chain left out (a dev chain, or a testnet without a known deployment) takes KPAY_TOKEN_CONTRACTS.
   */
  contracts?: Partial<Record<'mainnet' | 'testnet', string>>;
  /** The smallest payment asked for, and the smallest withdrawal, in the currency's unit: below it fees eat it. */
  minimum: string;
  /** What a withdrawal costs the merchant, in the currency's unit (KPAY_WITHDRAWAL_FEES overrides): the network fee. */
  withdrawalFee: string;
  /** The USD price it converts at: a coin's own, or 1:1 for a dollar stablecoin. */
  priceAsset: PriceAsset;
  /** Whether a deposit needs a memo beside the address. None of these do: each payment has its own address. */
  memo: boolean;
}

const coin = (c: Omit<Currency, 'family' | 'memo'>): Currency => ({ ...c, family: FAMILY_OF[c.network], memo: false });

/**
 * Every currency KPay accepts. Contracts and decimals: ../shared/reference/crypto-networks.md section 4 (BSC's pegged
 * USDT has 18 decimals, not 6). Minimums are policy: a little above what moving the deposit later costs.
 */
export const CURRENCIES: readonly Currency[] = [
  coin({ code: 'btc', name: 'Bitcoin', symbol: 'BTC', network: 'bitcoin', icon: '₿', decimals: 8, minimum: '0.0001', withdrawalFee: '0.0002', priceAsset: 'btc' }),
  coin({ code: 'ltc', name: 'Litecoin', symbol: 'LTC', network: 'litecoin', icon: 'Ł', decimals: 8, minimum: '0.001', withdrawalFee: '0.001', priceAsset: 'ltc' }),
  coin({ code: 'eth', name: 'Ethereum', symbol: 'ETH', network: 'ethereum', icon: 'Ξ', decimals: 18, minimum: '0.001', withdrawalFee: '0.002', priceAsset: 'eth' }),
  coin({
    code: 'usdt_erc20', name: 'Tether USD (ERC-20)', symbol: 'USDT', network: 'ethereum', icon: '₮', decimals: 6, minimum: '5', withdrawalFee: '5',
    priceAsset: 'usd', contracts: { mainnet: '0xdAC17F958D2ee523a2206206994597C13D831ec7' },
  }),
  coin({
    code: 'usdc_erc20', name: 'USD Coin (ERC-20)', symbol: 'USDC', network: 'ethereum', icon: '$', decimals: 6, minimum: '5', withdrawalFee: '5',
    priceAsset: 'usd', contracts: { mainnet: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48' },
  }),
  coin({ code: 'bnb', name: 'BNB', symbol: 'BNB', network: 'bsc', icon: 'B', decimals: 18, minimum: '0.001', withdrawalFee: '0.0005', priceAsset: 'bnb' }),
  coin({
    code: 'usdt_bep20', name: 'Tether USD (BEP-20)', symbol: 'USDT', network: 'bsc', icon: '₮', decimals: 18, minimum: '1', withdrawalFee: '0.5',
    priceAsset: 'usd', contracts: { mainnet: '0x55d398326f99059fF775485246999027B3197955' },
  }),
  coin({ code: 'trx', name: 'TRON', symbol: 'TRX', network: 'tron', icon: 'T', decimals: 6, minimum: '1', withdrawalFee: '1', priceAsset: 'trx' }),
  coin({
    code: 'usdt_trc20', name: 'Tether USD (TRC-20)', symbol: 'USDT', network: 'tron', icon: '₮', decimals: 6, minimum: '1', withdrawalFee: '2',
    priceAsset: 'usd', contracts: { mainnet: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', testnet: 'TXYZopYRdj2D9XRtbG411XZZ3kM5VkAeBf' },
  }),
];

const BY_CODE = new Map(CURRENCIES.map((c) => [c.code, c]));

export const isCurrencyCode = (code: unknown): code is CurrencyCode => typeof code === 'string' && BY_CODE.has(code as CurrencyCode);

export function currencyOf(code: CurrencyCode): Currency {
  return BY_CODE.get(code)!;
}

/** Confirmations before a deposit counts, per network, unless configured (KPAY_<NETWORK>_CONFIRMATIONS). */
export const DEFAULT_CONFIRMATIONS: Record<Network, number> = { bitcoin: 2, litecoin: 6, ethereum: 12, bsc: 15, tron: 20 };
