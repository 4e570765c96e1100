import { describe, expect, it } from 'vitest';
import { type Chain, CHAINS_OF, type Network, NETWORKS } from '@/lib/currencies/networks';
import { base58check } from './address-encoding';
import { isValidAddress, normalizeAddress } from './validate-address';
import { createWallet } from './wallet';

const wallet = createWallet(`${'abandon '.repeat(11)}about`);

const BECH32 = 'qpzry9x8gf2tvdw0s3jn54khce6mua7l';
const BASE58 = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const HEX = '0123456789abcdefABCDEF';
const ALPHABET_OF: Record<Network, string> = {
  bitcoin: BECH32,
  litecoin: BECH32,
  ethereum: HEX,
  bsc: HEX,
  tron: BASE58,
};

/** Replaces one character by the next of its alphabet of the same kind (digit, lower, upper case), as a typo would. */
function typo(address: string, at: number, alphabet: string): string {
  const kind = (c: string) => (/[0-9]/.test(c) ? 'digit' : c === c.toLowerCase() ? 'lower' : 'upper');
  const original = address[at]!;
  const candidates = [...alphabet].filter((c) => kind(c) === kind(original));
  const replacement = candidates[(candidates.indexOf(original) + 1) % candidates.length]!;
  return address.slice(0, at) + replacement + address.slice(at + 1);
}

const everyChain = NETWORKS.flatMap((network) =>
  (CHAINS_OF[network] as readonly Chain[]).map((chain) => [network, chain] as const),
);

describe('addresses KPay derives', () => {
  it.each(everyChain)('accepts its own %s %s addresses as canonical, refuses them with a typo', (network, chain) => {
    for (const index of [0, 1, 2]) {
      const { address } = wallet.deriveAddress(network, chain, index);
      expect(normalizeAddress(network, chain, address)).toBe(address);
      expect(isValidAddress(network, chain, address)).toBe(true);
      for (const at of [address.length - 1, address.length - 10, Math.floor(address.length / 2)]) {
        const mistyped = typo(address, at, ALPHABET_OF[network]);
        expect(mistyped).not.toBe(address);
        expect(isValidAddress(network, chain, mistyped), mistyped).toBe(false);
      }
    }
  });
});

describe('bitcoin and litecoin', () => {
  const btc = wallet.deriveAddress('bitcoin', 'mainnet', 0).address;
  const tbtc = wallet.deriveAddress('bitcoin', 'testnet', 0).address;

  it("accepts only the chain's own prefix", () => {
    expect(isValidAddress('bitcoin', 'testnet', btc)).toBe(false);
    expect(isValidAddress('bitcoin', 'regtest', tbtc)).toBe(false);
    expect(isValidAddress('litecoin', 'testnet', tbtc)).toBe(false);
    expect(isValidAddress('litecoin', 'mainnet', btc)).toBe(false);
    expect(isValidAddress('bitcoin', 'mainnet', wallet.deriveAddress('litecoin', 'mainnet', 0).address)).toBe(false);
  });

  it('accepts upper case (QR codes), canonical lower case; refuses mixed case', () => {
    expect(normalizeAddress('bitcoin', 'mainnet', btc.toUpperCase())).toBe(btc);
    expect(normalizeAddress('bitcoin', 'mainnet', `BC1Q${btc.slice(4)}`)).toBeNull();
    expect(normalizeAddress('bitcoin', 'mainnet', btc.slice(0, -1) + btc.slice(-1).toUpperCase())).toBeNull();
  });

  // BIP350 "valid segwit addresses": v0 with 20- and 32-byte programs, v1 (taproot) and the future versions up to 16.
  it.each([
    ['bitcoin', 'mainnet', 'BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4'],
    ['bitcoin', 'testnet', 'tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7'],
    ['bitcoin', 'mainnet', 'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y'],
    ['bitcoin', 'mainnet', 'BC1SW50QGDZ25J'],
    ['bitcoin', 'mainnet', 'bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs'],
    ['bitcoin', 'testnet', 'tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy'],
    ['bitcoin', 'testnet', 'tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c'],
    ['bitcoin', 'mainnet', 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0'],
  ] as const)('accepts the BIP350 vector %s %s %s', (network, chain, address) => {
    expect(normalizeAddress(network, chain, address)).toBe(address.toLowerCase());
    expect(isValidAddress(network, chain === 'mainnet' ? 'testnet' : 'mainnet', address)).toBe(false);
  });

  // BIP350 "invalid segwit addresses", refused on every bitcoin chain.
  it.each([
    ['tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut', 'unknown prefix'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', 'v1 under a bech32 checksum'],
    ['tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf', 'v2 under a bech32 checksum'],
    ['BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', 'v16 under a bech32 checksum'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', 'v0 under a bech32m checksum'],
    ['tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47', 'v0 under a bech32m checksum'],
    ['bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', 'invalid character in checksum'],
    ['BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', 'invalid witness version'],
    ['bc1pw5dgrnzv', 'program of 1 byte'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav', 'program of 41 bytes'],
    ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', 'v0 program of 16 bytes'],
    ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', 'mixed case'],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf', 'more than 4 bits of zero padding'],
    ['tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j', 'non-zero padding'],
    ['bc1gmk9yu', 'empty data'],
  ])('refuses the BIP350 vector %s (%s)', (address) => {
    for (const chain of CHAINS_OF.bitcoin) expect(normalizeAddress('bitcoin', chain, address)).toBeNull();
  });

  // Published vectors: BIP44 and BIP49 addresses of the BIP84 mnemonic, iancoleman's litecoin BIP44 address.
  it.each([
    ['bitcoin', 'mainnet', '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA', 'testnet'],
    ['bitcoin', 'mainnet', '37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf', 'regtest'],
    ['bitcoin', 'testnet', '2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2', 'mainnet'],
    ['bitcoin', 'regtest', '2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2', 'mainnet'],
    ['litecoin', 'mainnet', 'LQ4XU8RX2ULPmPq9FcUHdVmPVchP9nwXdn', 'testnet'],
  ] as const)('accepts the legacy %s %s address %s as given, and not on %s', (network, chain, address, otherChain) => {
    expect(normalizeAddress(network, chain, address)).toBe(address);
    expect(isValidAddress(network, otherChain, address)).toBe(false);
    expect(isValidAddress(network, chain, typo(address, 10, BASE58))).toBe(false);
  });

  it.each([
    ['bitcoin', 'mainnet', [0x00, 0x05]],
    ['bitcoin', 'testnet', [0x6f, 0xc4]],
    ['bitcoin', 'regtest', [0x6f, 0xc4]],
    ['litecoin', 'mainnet', [0x30, 0x32, 0x05]],
    ['litecoin', 'testnet', [0x6f, 0x3a, 0xc4]],
    ['litecoin', 'regtest', [0x6f, 0x3a, 0xc4]],
  ] as const)('accepts on %s %s exactly the Base58Check version bytes %j', (network, chain, versions) => {
    const hash = new Uint8Array(20).fill(0xab);
    for (let version = 0; version < 256; version++) {
      const address = base58check.encode(Uint8Array.of(version, ...hash));
      const expected = (versions as readonly number[]).includes(version);
      expect(isValidAddress(network, chain, address), `version 0x${version.toString(16)}`).toBe(expected);
    }
    // The right version byte with a hash of the wrong length is refused too.
    expect(isValidAddress(network, chain, base58check.encode(Uint8Array.of(versions[0], ...hash, 0)))).toBe(false);
  });

  it("tells bitcoin's and litecoin's version bytes apart, except the P2SH byte litecoin kept", () => {
    expect(isValidAddress('litecoin', 'mainnet', '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA')).toBe(false);
    expect(isValidAddress('bitcoin', 'mainnet', 'LQ4XU8RX2ULPmPq9FcUHdVmPVchP9nwXdn')).toBe(false);
    // Litecoin Core still accepts 0x05 ('3') P2SH beside its own 0x32 ('M'), and shares 0xc4 on test chains.
    expect(isValidAddress('litecoin', 'mainnet', '37VucYSaXLCAsxYyAPfbSi9eh4iEcbShgf')).toBe(true);
    expect(isValidAddress('litecoin', 'testnet', '2Mww8dCYPUpKHofjgcXcBCEGmniw9CoaiD2')).toBe(true);
  });
});

describe('ethereum and bsc', () => {
  // The four mixed-case vectors of EIP-55.
  const EIP55 = [
    '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed',
    '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359',
    '0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB',
    '0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb',
  ];

  it.each(EIP55)('accepts %s and canonicalises its single-case spellings to it', (address) => {
    for (const network of ['ethereum', 'bsc'] as const) {
      expect(normalizeAddress(network, 'mainnet', address)).toBe(address);
      expect(normalizeAddress(network, 'dev', address.toLowerCase())).toBe(address);
      expect(normalizeAddress(network, 'testnet', `0x${address.slice(2).toUpperCase()}`)).toBe(address);
    }
  });

  it.each(EIP55)('refuses %s with the case of one letter flipped', (address) => {
    const at = [...address].findIndex((c, i) => i > 1 && /[a-fA-F]/.test(c));
    const letter = address[at]!;
    const flipped = letter === letter.toLowerCase() ? letter.toUpperCase() : letter.toLowerCase();
    expect(isValidAddress('ethereum', 'mainnet', address.slice(0, at) + flipped + address.slice(at + 1))).toBe(false);
  });

  it('refuses what is not 0x and 40 hex digits', () => {
    const valid = EIP55[0]!;
    const malformed = [
      valid.slice(0, -1),
      `${valid}0`,
      `0X${valid.slice(2)}`,
      valid.slice(2),
      `${valid.slice(0, -1)}g`,
      ` ${valid}`,
    ];
    for (const address of malformed) {
      expect(isValidAddress('ethereum', 'mainnet', address), address).toBe(false);
    }
  });
});

describe('tron', () => {
  const tron = wallet.deriveAddress('tron', 'mainnet', 0).address;

  it('accepts the published vectors, on mainnet and testnet alike', () => {
    for (const address of [tron, 'TA891Fu7vVz595BGQpNX2MCzr7yBcxuoC7', 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t']) {
      expect(normalizeAddress('tron', 'mainnet', address)).toBe(address);
      expect(isValidAddress('tron', 'testnet', address)).toBe(true);
    }
  });

  it('refuses a valid Base58Check payload with another prefix than 0x41', () => {
    // The bitcoin P2PKH address is Base58Check of 21 bytes too, only its first byte is 0x00.
    expect(isValidAddress('tron', 'mainnet', '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA')).toBe(false);
    expect(isValidAddress('tron', 'mainnet', 'LQ4XU8RX2ULPmPq9FcUHdVmPVchP9nwXdn')).toBe(false);
  });

  it('refuses the hex form and EVM addresses', () => {
    expect(isValidAddress('tron', 'mainnet', '0x9858EfFD232B4033E47d90003D41EC34EcaEda94')).toBe(false);
    expect(isValidAddress('tron', 'mainnet', '41a614f803b6fd780986a42c78ec9c7f77e6ded13c')).toBe(false);
  });
});

describe('any input', () => {
  const inputs: unknown[] = [
    '',
    ' ',
    'x'.repeat(10_000),
    `bc1${'q'.repeat(10_000)}`,
    `T${'1'.repeat(10_000)}`,
    '1'.repeat(10_000),
    `0x${'a'.repeat(10_000)}`,
    '\u0000',
    '💥',
    undefined,
    null,
    42,
    {},
    ['bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu'],
    { toString: () => 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu' },
  ];

  it.each(everyChain)('is refused on %s %s without throwing', (network, chain) => {
    for (const input of inputs) {
      expect(isValidAddress(network, chain, input)).toBe(false);
      expect(normalizeAddress(network, chain, input)).toBeNull();
    }
  });

  it('is refused for a network or chain that does not exist', () => {
    const btc = 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu';
    expect(isValidAddress('bitcoin', 'dev', btc)).toBe(false);
    expect(isValidAddress('dogecoin' as Network, 'mainnet', btc)).toBe(false);
    expect(isValidAddress('bitcoin', 'signet' as Chain, btc)).toBe(false);
    expect(isValidAddress('toString' as Network, 'mainnet', btc)).toBe(false);
  });
});
