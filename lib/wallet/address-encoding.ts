import { secp256k1 } from '@noble/curves/secp256k1.js';
import { ripemd160 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { keccak_256 } from '@noble/hashes/sha3.js';
import { bech32, createBase58check, hex } from '@scure/base';
import { getAddress } from 'viem';
import type { Chain } from '@/lib/currencies/networks';

/** The networks whose deposit addresses are native segwit (P2WPKH, bech32). */
export type SegwitNetwork = 'bitcoin' | 'litecoin';

/** Base58Check as Bitcoin defines it: payload + first 4 bytes of sha256(sha256(payload)). TRON uses the same. */
export const base58check = createBase58check(sha256);

// Bech32 human-readable parts from Bitcoin Core's and Litecoin Core's chainparams.
const SEGWIT_HRPS: Record<SegwitNetwork, Partial<Record<Chain, string>>> = {
  bitcoin: { mainnet: 'bc', testnet: 'tb', regtest: 'bcrt' },
  litecoin: { mainnet: 'ltc', testnet: 'tltc', regtest: 'rltc' },
};

/** The bech32 prefix of a bitcoin-like chain's segwit addresses. */
export function segwitHrp(network: SegwitNetwork, chain: Chain): string {
  const hrp = SEGWIT_HRPS[network][chain];
  if (!hrp) throw new RangeError(`${network} has no ${chain} chain`);
  return hrp;
}

/** A P2WPKH address: segwit version 0 with hash160(public key) as the 20-byte program (BIP141, BIP173). */
export function p2wpkhAddress(hrp: string, compressedPublicKey: Uint8Array): string {
  // BIP143 makes outputs paying an uncompressed key's hash unspendable, so refuse anything but 33 bytes.
  if (compressedPublicKey.length !== 33) throw new TypeError('P2WPKH needs a 33-byte compressed public key');
  const program = ripemd160(sha256(compressedPublicKey));
  return bech32.encode(hrp, [0, ...bech32.toWords(program)]);
}

/** The 20 bytes that identify a key on EVM chains and TRON: the tail of keccak256 of the raw 64-byte point. */
function keccakAccountId(publicKey: Uint8Array): Uint8Array {
  // Decoding through the curve accepts compressed or uncompressed input and refuses a point not on secp256k1.
  const uncompressed = secp256k1.Point.fromBytes(publicKey).toBytes(false);
  return keccak_256(uncompressed.subarray(1)).subarray(-20);
}

/** An EVM address in EIP-55 mixed-case checksum form. */
export function evmAddress(publicKey: Uint8Array): string {
  return getAddress(`0x${hex.encode(keccakAccountId(publicKey))}`);
}

/** The version byte that makes TRON's Base58Check addresses start with 'T'. */
export const TRON_ADDRESS_PREFIX = 0x41;

/** A TRON address: 0x41 then the same 20 bytes as the key's EVM address, in Base58Check ('T…', 34 characters). */
export function tronAddress(publicKey: Uint8Array): string {
  return base58check.encode(Uint8Array.of(TRON_ADDRESS_PREFIX, ...keccakAccountId(publicKey)));
}
