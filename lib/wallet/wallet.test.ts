import { inspect } from 'node:util';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { pbkdf2 } from '@noble/hashes/pbkdf2.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { hex } from '@scure/base';
import { HDKey } from '@scure/bip32';
import { describe, expect, it } from 'vitest';
import { evmAddress, tronAddress } from './address-encoding';
import { addressPath, derivationAccount } from './derivation-paths';
import { createWallet } from './wallet';

// The BIP84 reference mnemonic; the expected addresses are section 2 of /work/shared/reference/crypto-networks.md.
const MNEMONIC = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const wallet = createWallet(MNEMONIC);

describe('createWallet().deriveAddress', () => {
  it.each([
    ['bitcoin', 'mainnet', 0, 0, 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu', "m/84'/0'/0'/0/0"],
    ['bitcoin', 'mainnet', 1, 0, 'bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g', "m/84'/0'/0'/0/1"],
    ['bitcoin', 'mainnet', 0, 1, 'bc1q8c6fshw2dlwun7ekn9qwf37cu2rn755upcp6el', "m/84'/0'/0'/1/0"],
    ['litecoin', 'mainnet', 0, 0, 'ltc1qjmxnz78nmc8nq77wuxh25n2es7rzm5c2rkk4wh', "m/84'/2'/0'/0/0"],
    ['litecoin', 'mainnet', 1, 0, 'ltc1qwlezpr3890hcp6vva9twqh27mr6edadreqvhnn', "m/84'/2'/0'/0/1"],
    ['ethereum', 'mainnet', 0, 0, '0x9858EfFD232B4033E47d90003D41EC34EcaEda94', "m/44'/60'/0'/0/0"],
    ['ethereum', 'mainnet', 1, 0, '0x6Fac4D18c912343BF86fa7049364Dd4E424Ab9C0', "m/44'/60'/0'/0/1"],
    ['tron', 'mainnet', 0, 0, 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH', "m/44'/195'/0'/0/0"],
    ['tron', 'mainnet', 1, 0, 'TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK', "m/44'/195'/0'/0/1"],
    ['bitcoin', 'testnet', 0, 0, 'tb1q6rz28mcfaxtmd6v789l9rrlrusdprr9pqcpvkl', "m/84'/1'/0'/0/0"],
    ['bitcoin', 'regtest', 0, 0, 'bcrt1q6rz28mcfaxtmd6v789l9rrlrusdprr9pz3cppk', "m/84'/1'/0'/0/0"],
    ['litecoin', 'testnet', 0, 0, 'tltc1q6rz28mcfaxtmd6v789l9rrlrusdprr9pesrjxk', "m/84'/1'/0'/0/0"],
    ['litecoin', 'regtest', 0, 0, 'rltc1q6rz28mcfaxtmd6v789l9rrlrusdprr9puuzgkg', "m/84'/1'/0'/0/0"],
  ] as const)('%s %s index %i branch %i is %s', (network, chain, index, branch, address, path) => {
    const derived = wallet.deriveAddress(network, chain, index, branch);
    expect(derived.address).toBe(address);
    expect(derived.path).toBe(path);
    expect(derived.publicKey).toHaveLength(33);
  });

  it('derives receive addresses (branch 0) by default', () => {
    expect(wallet.deriveAddress('bitcoin', 'mainnet', 1).address).toBe('bc1qnjg0jd8228aq7egyzacy8cys3knf9xvrerkf9g');
  });

  it('gives BSC the very addresses of Ethereum, on every chain', () => {
    for (const index of [0, 1]) {
      const ethereum = wallet.deriveAddress('ethereum', 'mainnet', index).address;
      for (const chain of ['mainnet', 'testnet', 'dev'] as const) {
        expect(wallet.deriveAddress('bsc', chain, index).address).toBe(ethereum);
      }
    }
  });

  it('returns the public key of the address', () => {
    const { publicKey } = wallet.deriveAddress('ethereum', 'mainnet', 0);
    expect(evmAddress(publicKey)).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
  });

  it('refuses an index outside 0..2^31-1 and a chain the network does not have', () => {
    expect(() => wallet.deriveAddress('bitcoin', 'mainnet', -1)).toThrow(RangeError);
    expect(() => wallet.deriveAddress('bitcoin', 'mainnet', 2 ** 31)).toThrow(RangeError);
    expect(() => wallet.deriveAddress('tron', 'dev', 0)).toThrow(RangeError);
  });
});

describe('createWallet().privateKeyAt', () => {
  it('returns the private key behind each derived address', () => {
    for (const [network, chain] of [['bitcoin', 'mainnet'], ['ethereum', 'mainnet'], ['tron', 'mainnet']] as const) {
      const { path, publicKey } = wallet.deriveAddress(network, chain, 3, 1);
      expect(secp256k1.getPublicKey(wallet.privateKeyAt(path), true)).toEqual(publicKey);
    }
  });

  it('refuses paths deriveAddress never hands out', () => {
    const foreign = [
      "m/84'/0'/0'",
      "m/84'/0'/0'/2/0",
      "m/84'/0'/0'/0/0'",
      "m/84'/0'/0'/0/007",
      "m/84'/0'/0'/0/2147483648",
      'm/0/0',
    ];
    for (const path of foreign) {
      expect(() => wallet.privateKeyAt(path), path).toThrow(RangeError);
    }
  });

  it('hands out a copy, so wiping it after signing cannot corrupt the wallet', () => {
    const { path, publicKey } = wallet.deriveAddress('ethereum', 'mainnet', 0);
    wallet.privateKeyAt(path).fill(0);
    expect(secp256k1.getPublicKey(wallet.privateKeyAt(path), true)).toEqual(publicKey);
  });
});

describe('createWallet', () => {
  it('keeps the seed and keys out of JSON and inspection', () => {
    const { path } = wallet.deriveAddress('bitcoin', 'mainnet', 0);
    const privateKeyHex = hex.encode(wallet.privateKeyAt(path));
    for (const printed of [JSON.stringify(wallet), inspect(wallet, { depth: Infinity, showHidden: true })]) {
      expect(printed).not.toMatch(/xprv|abandon/);
      expect(printed).not.toContain(privateKeyHex);
    }
  });

  it('refuses a phrase with a bad checksum without repeating it', () => {
    const bad = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon';
    expect(() => createWallet(bad)).toThrow(/not a valid BIP39/);
    expect(() => createWallet(bad)).not.toThrow(/abandon/);
  });
});

// Vectors published by tools other than ours, reproduced through our paths and encoders.
describe('published vectors', () => {
  it('BIP32 test vector 1 (proves the HD library wiring)', () => {
    const master = HDKey.fromMasterSeed(hex.decode('000102030405060708090a0b0c0d0e0f'));
    expect(master.derive("m/0'/1/2'/2/1000000000").publicExtendedKey).toBe(
      'xpub6H1LXWLaKsWFhvm6RVpEL9P4KfRZSW7abD2ttkWP3SSQvnyA8FSVqNTEcYFgJS2UaFcxupHiYkro49S8yGasTvXEYBVPamhGW6cFJodrTHy',
    );
  });

  it('iancoleman/bip39 "abandon abandon ability": ETH/BSC and TRON index 0', () => {
    // A 3-word phrase is below BIP39's 12-word minimum that @scure/bip39 enforces, so the seed is BIP39's definition
    // spelled out: PBKDF2-HMAC-SHA512 of the phrase, salt "mnemonic", 2048 rounds, 64 bytes.
    const seed = pbkdf2(sha512, 'abandon abandon ability', 'mnemonic', { c: 2048, dkLen: 64 });
    const master = HDKey.fromMasterSeed(seed);
    const keyOf = (network: 'bsc' | 'tron') =>
      master.derive(addressPath(derivationAccount(network, 'mainnet').path, 0, 0)).publicKey!;
    expect(evmAddress(keyOf('bsc'))).toBe('0xe5815d5902Ad612d49283DEdEc02100Bd44C2772');
    expect(tronAddress(keyOf('tron'))).toBe('TA891Fu7vVz595BGQpNX2MCzr7yBcxuoC7');
  });
});
