import type { Chain } from '@/lib/currencies/networks';

/** @scure/btc-signer's network parameters: bech32 prefix and base58 version bytes (crypto-networks.md section 1). */
export interface BtcSignerNetwork {
  bech32: string;
  pubKeyHash: number;
  scriptHash: number;
  wif: number;
}

const TEST_BYTES = { pubKeyHash: 0x6f, wif: 0xef };

/** The parameters of a UTXO network's chain, for addresses in the transactions KPay signs. */
export function utxoNetworkParams(network: 'bitcoin' | 'litecoin', chain: Chain): BtcSignerNetwork {
  if (network === 'bitcoin') {
    if (chain === 'mainnet') return { bech32: 'bc', pubKeyHash: 0x00, scriptHash: 0x05, wif: 0x80 };
    return { bech32: chain === 'regtest' ? 'bcrt' : 'tb', scriptHash: 0xc4, ...TEST_BYTES };
  }
  if (chain === 'mainnet') return { bech32: 'ltc', pubKeyHash: 0x30, scriptHash: 0x32, wif: 0xb0 };
  return { bech32: chain === 'regtest' ? 'rltc' : 'tltc', scriptHash: 0x3a, ...TEST_BYTES };
}
