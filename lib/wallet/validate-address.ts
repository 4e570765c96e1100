import { bech32, bech32m } from '@scure/base';
import { getAddress } from 'viem';
import { type Chain, CHAINS_OF, type Network } from '@/lib/currencies/networks';
import { base58check, type SegwitNetwork, segwitHrp, TRON_ADDRESS_PREFIX } from './address-encoding';

// BIP173 caps a bech32 string at 90 characters; every other address form here is shorter. Checking this first keeps
// a hostile multi-kilobyte input away from base58 decoding, which is quadratic.
const LONGEST_ADDRESS = 90;

// Base58Check version bytes of P2PKH and P2SH addresses, from Bitcoin Core's and Litecoin Core's chainparams.
// Litecoin mainnet still accepts the legacy P2SH byte 0x05 ('3') beside its own 0x32 ('M'), as Litecoin Core does.
const BASE58_VERSIONS: Record<SegwitNetwork, Partial<Record<Chain, readonly number[]>>> = {
  bitcoin: { mainnet: [0x00, 0x05], testnet: [0x6f, 0xc4], regtest: [0x6f, 0xc4] },
  litecoin: { mainnet: [0x30, 0x32, 0x05], testnet: [0x6f, 0x3a, 0xc4], regtest: [0x6f, 0x3a, 0xc4] },
};

/** Whether `address` is a well-formed address, checksum included, that funds can be sent to on that chain. */
export function isValidAddress(network: Network, chain: Chain, address: unknown): boolean {
  return normalizeAddress(network, chain, address) !== null;
}

/**
 * The canonical spelling of a valid address (lower-case bech32, EIP-55 for EVM, base58 as given), or null for anything
 * else. Never throws, whatever it is handed: it guards withdrawal destinations typed by people.
 */
export function normalizeAddress(network: Network, chain: Chain, address: unknown): string | null {
  if (typeof address !== 'string' || address.length > LONGEST_ADDRESS || !hasChain(network, chain)) return null;
  switch (network) {
    case 'bitcoin':
    case 'litecoin':
      return (
        normalizeSegwitAddress(segwitHrp(network, chain), address) ?? normalizeBase58Address(network, chain, address)
      );
    case 'ethereum':
    case 'bsc':
      return normalizeEvmAddress(address);
    case 'tron':
      return normalizeTronAddress(address);
  }
}

function hasChain(network: Network, chain: Chain): boolean {
  return Object.hasOwn(CHAINS_OF, network) && (CHAINS_OF[network] as readonly Chain[]).includes(chain);
}

/**
 * Segwit addresses (BIP173, BIP350): version 0 with a 20- or 32-byte program under the bech32 checksum, versions 1 to
 * 16 with a 2- to 40-byte program under bech32m. The library refuses mixed case; all upper case (QR codes) is fine.
 */
function normalizeSegwitAddress(hrp: string, address: string): string | null {
  const lower = address.toLowerCase();
  // Each checksum is tried only with the versions it belongs to: v0 under bech32m (or v1+ under bech32) fails.
  const v0 = bech32.decodeUnsafe(address, LONGEST_ADDRESS);
  if (v0 && v0.prefix === hrp && v0.words[0] === 0) {
    const program = bech32.fromWordsUnsafe(v0.words.slice(1));
    return program && (program.length === 20 || program.length === 32) ? lower : null;
  }
  const v1plus = bech32m.decodeUnsafe(address, LONGEST_ADDRESS);
  const version = v1plus?.words[0];
  if (v1plus && v1plus.prefix === hrp && version !== undefined && version >= 1 && version <= 16) {
    const program = bech32m.fromWordsUnsafe(v1plus.words.slice(1));
    return program && program.length >= 2 && program.length <= 40 ? lower : null;
  }
  return null;
}

/** Legacy P2PKH and P2SH addresses: one version byte of the chain, then a 20-byte hash. */
function normalizeBase58Address(network: SegwitNetwork, chain: Chain, address: string): string | null {
  const payload = decodeBase58check(address);
  const versions = BASE58_VERSIONS[network][chain];
  return payload?.length === 21 && versions?.includes(payload[0]!) ? address : null;
}

const EVM_ADDRESS = /^0x[0-9a-fA-F]{40}$/;

/** 0x and 40 hex digits. Single-case carries no checksum and is taken as is; mixed case must be exactly EIP-55. */
function normalizeEvmAddress(address: string): string | null {
  if (!EVM_ADDRESS.test(address)) return null;
  const digits = address.slice(2);
  const checksummed = getAddress(address);
  if (digits === digits.toLowerCase() || digits === digits.toUpperCase()) return checksummed;
  return checksummed === address ? address : null;
}

/** TRON: Base58Check of 0x41 and a 20-byte account id (the 'T…' form; testnets use the same). */
function normalizeTronAddress(address: string): string | null {
  const payload = decodeBase58check(address);
  return payload?.length === 21 && payload[0] === TRON_ADDRESS_PREFIX ? address : null;
}

function decodeBase58check(address: string): Uint8Array | null {
  try {
    return base58check.decode(address);
  } catch {
    // Not base58, or the checksum does not match: a typo, which is exactly what this guards against.
    return null;
  }
}
