import { secp256k1 } from '@noble/curves/secp256k1.js';
import { hex } from '@scure/base';
import { describe, expect, it } from 'vitest';
import { base58check, evmAddress, p2wpkhAddress, segwitHrp, tronAddress } from './address-encoding';

// The generator point G: the public key of private key 1, whose hash160 is BIP173's example program.
const G_COMPRESSED = hex.decode('0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798');
const G_UNCOMPRESSED = secp256k1.Point.fromBytes(G_COMPRESSED).toBytes(false);

describe('segwitHrp', () => {
  it.each([
    ['bitcoin', 'mainnet', 'bc'],
    ['bitcoin', 'testnet', 'tb'],
    ['bitcoin', 'regtest', 'bcrt'],
    ['litecoin', 'mainnet', 'ltc'],
    ['litecoin', 'testnet', 'tltc'],
    ['litecoin', 'regtest', 'rltc'],
  ] as const)('%s %s is %s', (network, chain, hrp) => {
    expect(segwitHrp(network, chain)).toBe(hrp);
  });

  it('refuses a chain the network does not have', () => {
    expect(() => segwitHrp('bitcoin', 'dev')).toThrow(RangeError);
  });
});

describe('p2wpkhAddress', () => {
  it("encodes hash160 of the key as a v0 program (BIP173's P2WPKH example)", () => {
    expect(p2wpkhAddress('bc', G_COMPRESSED)).toBe('bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4');
    expect(p2wpkhAddress('tb', G_COMPRESSED)).toBe('tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx');
  });

  it("matches BIP84's first receive address from its public key", () => {
    const publicKey = hex.decode('0330d54fd0dd420a6e5f8d3624f5f3482cae350f79d5f0753bf5beef9c2d91af3c');
    expect(p2wpkhAddress('bc', publicKey)).toBe('bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu');
  });

  it('refuses an uncompressed key, whose P2WPKH output could never be spent', () => {
    expect(() => p2wpkhAddress('bc', G_UNCOMPRESSED)).toThrow(TypeError);
  });
});

describe('evmAddress', () => {
  it('is the EIP-55 form of the last 20 bytes of keccak256 of the point, compressed or not', () => {
    // The well-known address of private key 1.
    expect(evmAddress(G_UNCOMPRESSED)).toBe('0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf');
    expect(evmAddress(G_COMPRESSED)).toBe('0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf');
  });

  it('refuses bytes that are not a point on secp256k1', () => {
    const xBeyondTheField = Uint8Array.of(0x02, ...new Uint8Array(32).fill(0xff));
    expect(() => evmAddress(xBeyondTheField)).toThrow();
    expect(() => evmAddress(G_UNCOMPRESSED.subarray(1))).toThrow();
  });
});

describe('tronAddress', () => {
  it('is 0x41 and the same 20 bytes as the EVM address, in Base58Check', () => {
    const address = tronAddress(G_COMPRESSED);
    expect(address).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
    const payload = base58check.decode(address);
    expect(hex.encode(payload)).toBe(`41${evmAddress(G_COMPRESSED).slice(2).toLowerCase()}`);
  });
});
