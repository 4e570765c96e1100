import { type CurrencyCode, currencyOf } from '@/lib/currencies/currencies';
import type { Chain, Network } from '@/lib/currencies/networks';
import { parseAmount } from '@/lib/money';

/** What a wallet URI is made of: the API's status fields (requested_amount is the decimal string to pay). */
export interface WalletUriPayment {
  currency: CurrencyCode;
  deposit_address: string;
  requested_amount: string;
}

export interface WalletUriOptions {
  /** The EVM chain id (1, 56, 11155111, 31337...); left out of the URI when unknown, which wallets read as "current". */
  chainId?: number;
  /** The token's contract on the configured chain (currencySettings().contract); null or absent for a native coin. */
  contract?: string | null;
}

// BIP173: a bech32 string is all lower or all upper case, and upper case fits QR's denser alphanumeric mode. Only the
// separator "1" and the 32-letter data alphabet follow the human-readable part.
const LOWER_BECH32 = /^[a-z]{1,83}1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{6,}$/;

/** "0.05000000" -> "0.05", "1.00000000" -> "1": the exact value, without the zeros BIP21 does not need. */
export const trimDecimal = (decimal: string): string => (decimal.includes('.') ? decimal.replace(/\.?0+$/, '') : decimal);

/** BIP21 (bitcoin:) and Litecoin Core's litecoin: URI: the address (bech32 upper-cased) and the amount in whole coins. */
function bip21(scheme: 'bitcoin' | 'litecoin', address: string, decimal: string): string {
  const shown = LOWER_BECH32.test(address) ? address.toUpperCase() : address;
  return `${scheme}:${shown}?amount=${trimDecimal(decimal)}`;
}

const chainPart = (chainId: number | undefined) => (chainId === undefined ? '' : `@${chainId}`);

/**
 * The URI a wallet opens or scans to pay `payment`, exactly (crypto-networks.md section 3):
 * - BTC, LTC: BIP21 `bitcoin:<ADDRESS>?amount=0.05` (amount in coins, '.' separator, no trailing zeros);
 * - ETH, BNB: EIP-681 `ethereum:<address>@<chainId>?value=<wei>` (BSC is `ethereum:` too: the chain id tells them apart);
 * - ERC-20 and BEP-20 tokens: EIP-681 `ethereum:<token contract>@<chainId>/transfer?address=<deposit>&uint256=<units>`;
 * - TRX and TRC-20: the bare address. TRON has no standard payment URI (none found; wallets scan a plain address), so
 *   the buyer types the amount themselves.
 * Integers are written out in full, never in scientific notation. A token whose contract is unknown also gets the
 * bare address: a URI without the contract would ask for the chain's native coin instead.
 */
export function walletUri(payment: WalletUriPayment, options: WalletUriOptions = {}): string {
  const currency = currencyOf(payment.currency);
  const address = payment.deposit_address;
  const units = () => parseAmount(payment.requested_amount, currency.decimals).units.toString();
  switch (currency.network) {
    case 'bitcoin':
    case 'litecoin':
      return bip21(currency.network, address, payment.requested_amount);
    case 'ethereum':
    case 'bsc': {
      const chain = chainPart(options.chainId);
      if (currency.contracts === undefined) return `ethereum:${address}${chain}?value=${units()}`;
      if (!options.contract) return address;
      return `ethereum:${options.contract}${chain}/transfer?address=${address}&uint256=${units()}`;
    }
    case 'tron':
      return address;
  }
}

/**
 * The EVM chain ids of the chains KPay names (crypto-networks.md section 1): mainnets, Sepolia and BSC testnet, and
 * hardhat's 31337 for a local dev chain. KPAY_<NETWORK>_CHAIN_ID overrides (a dev node with another id).
 */
export const DEFAULT_EVM_CHAIN_IDS: Record<'ethereum' | 'bsc', Partial<Record<Chain, number>>> = {
  ethereum: { mainnet: 1, testnet: 11155111, dev: 31337 },
  bsc: { mainnet: 56, testnet: 97, dev: 31337 },
};

/** The chain id a wallet URI names for `network` on `chain`; undefined for a network that is not EVM. */
export function evmChainId(network: Network, chain: Chain, configured?: number): number | undefined {
  if (network !== 'ethereum' && network !== 'bsc') return undefined;
  return configured ?? DEFAULT_EVM_CHAIN_IDS[network][chain];
}

/** Whether a wallet URI opens a wallet app (a scheme), rather than being a bare address to copy or scan. */
export const isOpenableWalletUri = (uri: string): boolean => /^(bitcoin|litecoin|ethereum):/.test(uri);
