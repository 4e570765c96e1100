import { describe, expect, it } from 'vitest';
import { type Chain, CHAINS_OF, NETWORKS } from '@/lib/currencies/networks';
import { addressPath, derivationAccount } from './derivation-paths';

describe('derivationAccount', () => {
  it.each([
    ['bitcoin', 'mainnet', 'bip84_0', "m/84'/0'/0'"],
    ['bitcoin', 'testnet', 'bip84_1', "m/84'/1'/0'"],
    ['bitcoin', 'regtest', 'bip84_1', "m/84'/1'/0'"],
    ['litecoin', 'mainnet', 'bip84_2', "m/84'/2'/0'"],
    ['litecoin', 'testnet', 'bip84_1', "m/84'/1'/0'"],
    ['litecoin', 'regtest', 'bip84_1', "m/84'/1'/0'"],
    ['ethereum', 'mainnet', 'bip44_60', "m/44'/60'/0'"],
    ['ethereum', 'testnet', 'bip44_60', "m/44'/60'/0'"],
    ['ethereum', 'dev', 'bip44_60', "m/44'/60'/0'"],
    ['bsc', 'mainnet', 'bip44_60', "m/44'/60'/0'"],
    ['bsc', 'testnet', 'bip44_60', "m/44'/60'/0'"],
    ['bsc', 'dev', 'bip44_60', "m/44'/60'/0'"],
    ['tron', 'mainnet', 'bip44_195', "m/44'/195'/0'"],
    ['tron', 'testnet', 'bip44_195', "m/44'/195'/0'"],
  ] as const)('%s %s derives from %s at %s', (network, chain, sequence, path) => {
    expect(derivationAccount(network, chain)).toEqual({ sequence, path });
  });

  it('has an account on every chain, and one sequence per account path, so no index is handed out twice', () => {
    const sequenceOfPath = new Map<string, string>();
    for (const network of NETWORKS) {
      for (const chain of CHAINS_OF[network] as readonly Chain[]) {
        const { sequence, path } = derivationAccount(network, chain);
        expect(sequenceOfPath.get(path) ?? sequence).toBe(sequence);
        sequenceOfPath.set(path, sequence);
      }
    }
    expect(new Set(sequenceOfPath.values()).size).toBe(sequenceOfPath.size);
  });

  it('refuses a chain the network does not have', () => {
    expect(() => derivationAccount('bitcoin', 'dev')).toThrow(RangeError);
    expect(() => derivationAccount('tron', 'regtest')).toThrow(RangeError);
    expect(() => derivationAccount('ethereum', 'regtest')).toThrow(RangeError);
  });

  it('hands out a copy, so a caller cannot rewrite the table', () => {
    const account = derivationAccount('bitcoin', 'mainnet');
    account.path = "m/0'";
    expect(derivationAccount('bitcoin', 'mainnet').path).toBe("m/84'/0'/0'");
  });
});

describe('addressPath', () => {
  it('appends the branch (0 receive, 1 change) and the index', () => {
    expect(addressPath("m/84'/0'/0'", 0, 0)).toBe("m/84'/0'/0'/0/0");
    expect(addressPath("m/84'/0'/0'", 1, 7)).toBe("m/84'/0'/0'/1/7");
    expect(addressPath("m/44'/60'/0'", 0, 2 ** 31 - 1)).toBe("m/44'/60'/0'/0/2147483647");
  });

  it.each([-1, 2 ** 31, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses index %s', (index) => {
    expect(() => addressPath("m/84'/0'/0'", 0, index)).toThrow(RangeError);
  });

  it('refuses a branch other than 0 or 1', () => {
    expect(() => addressPath("m/84'/0'/0'", 2 as 0, 0)).toThrow(RangeError);
  });
});
