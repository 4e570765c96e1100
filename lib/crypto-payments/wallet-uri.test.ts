import { describe, expect, it } from 'vitest';
import { evmChainId, isOpenableWalletUri, trimDecimal, walletUri } from './wallet-uri';

// Addresses of crypto-networks.md section 2 ("abandon ... about").
const LTC_REGTEST = 'rltc1q6rz28mcfaxtmd6v789l9rrlrusdprr9puuzgkg';
const BTC_MAIN = 'bc1qcr8te4kr609gcawutmrza0j4xv80jy8z306fyu';
const BTC_LEGACY = '1LqBGSKuX5yYUonjxT5qGfpUsXKYYWeabA';
const ETH = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
const TRX = 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH';
const USDT_ERC20 = '0xdAC17F958D2ee523a2206206994597C13D831ec7';
const USDT_BEP20 = '0x55d398326f99059fF775485246999027B3197955';

describe('walletUri: BIP21', () => {
  it('writes 0.05 LTC on regtest with the bech32 address upper-cased and no trailing zeros', () => {
    expect(walletUri({ currency: 'ltc', deposit_address: LTC_REGTEST, requested_amount: '0.05000000' })).toBe(
      'litecoin:RLTC1Q6RZ28MCFAXTMD6V789L9RRLRUSDPRR9PUUZGKG?amount=0.05',
    );
  });
  it('writes bitcoin amounts to the satoshi, and whole coins without a point', () => {
    expect(walletUri({ currency: 'btc', deposit_address: BTC_MAIN, requested_amount: '0.00123401' })).toBe(
      'bitcoin:BC1QCR8TE4KR609GCAWUTMRZA0J4XV80JY8Z306FYU?amount=0.00123401',
    );
    expect(walletUri({ currency: 'btc', deposit_address: BTC_MAIN, requested_amount: '2.00000000' })).toBe(
      'bitcoin:BC1QCR8TE4KR609GCAWUTMRZA0J4XV80JY8Z306FYU?amount=2',
    );
    expect(walletUri({ currency: 'btc', deposit_address: BTC_MAIN, requested_amount: '10.50000000' })).toBe(
      'bitcoin:BC1QCR8TE4KR609GCAWUTMRZA0J4XV80JY8Z306FYU?amount=10.5',
    );
  });
  it('keeps a base58 address as it is: its case is part of it', () => {
    expect(walletUri({ currency: 'btc', deposit_address: BTC_LEGACY, requested_amount: '1.00000000' })).toBe(
      `bitcoin:${BTC_LEGACY}?amount=1`,
    );
  });
});

describe('walletUri: EIP-681', () => {
  it('asks for ETH in wei, to the last wei of 18 decimals', () => {
    expect(walletUri({ currency: 'eth', deposit_address: ETH, requested_amount: '0.016666666666666667' }, { chainId: 1 })).toBe(
      `ethereum:${ETH}@1?value=16666666666666667`,
    );
    expect(walletUri({ currency: 'eth', deposit_address: ETH, requested_amount: '1.000000000000000001' }, { chainId: 31337 })).toBe(
      `ethereum:${ETH}@31337?value=1000000000000000001`,
    );
    expect(walletUri({ currency: 'eth', deposit_address: ETH, requested_amount: '0.000000000000000001' }, { chainId: 11155111 })).toBe(
      `ethereum:${ETH}@11155111?value=1`,
    );
  });
  it('writes BNB with BSC chain id on the ethereum: scheme', () => {
    expect(walletUri({ currency: 'bnb', deposit_address: ETH, requested_amount: '0.250000000000000000' }, { chainId: 56 })).toBe(
      `ethereum:${ETH}@56?value=250000000000000000`,
    );
  });
  it('calls transfer on the token contract for 6-decimal USDT (ERC-20)', () => {
    expect(
      walletUri({ currency: 'usdt_erc20', deposit_address: ETH, requested_amount: '12.500000' }, { chainId: 1, contract: USDT_ERC20 }),
    ).toBe(`ethereum:${USDT_ERC20}@1/transfer?address=${ETH}&uint256=12500000`);
    expect(
      walletUri({ currency: 'usdc_erc20', deposit_address: ETH, requested_amount: '0.000001' }, { chainId: 1, contract: USDT_ERC20 }),
    ).toBe(`ethereum:${USDT_ERC20}@1/transfer?address=${ETH}&uint256=1`);
  });
  it('writes 18-decimal USDT (BEP-20) beyond what a float holds', () => {
    expect(
      walletUri({ currency: 'usdt_bep20', deposit_address: ETH, requested_amount: '25.000000000000000003' }, { chainId: 56, contract: USDT_BEP20 }),
    ).toBe(`ethereum:${USDT_BEP20}@56/transfer?address=${ETH}&uint256=25000000000000000003`);
  });
  it('leaves the chain out when none is known', () => {
    expect(walletUri({ currency: 'eth', deposit_address: ETH, requested_amount: '1.000000000000000000' })).toBe(
      `ethereum:${ETH}?value=1000000000000000000`,
    );
  });
  it('falls back to the bare address for a token without a contract (never a native-coin request)', () => {
    expect(walletUri({ currency: 'usdt_erc20', deposit_address: ETH, requested_amount: '5.000000' }, { chainId: 1, contract: null })).toBe(ETH);
  });
});

describe('walletUri: TRON', () => {
  it('is the bare address for TRX and TRC-20 tokens', () => {
    expect(walletUri({ currency: 'trx', deposit_address: TRX, requested_amount: '100.000000' })).toBe(TRX);
    expect(walletUri({ currency: 'usdt_trc20', deposit_address: TRX, requested_amount: '12.500000' })).toBe(TRX);
  });
});

describe('helpers', () => {
  it('trims only zeros after the point', () => {
    expect(trimDecimal('0.05000000')).toBe('0.05');
    expect(trimDecimal('100.000000')).toBe('100');
    expect(trimDecimal('100')).toBe('100');
    expect(trimDecimal('0.000000000000000001')).toBe('0.000000000000000001');
  });
  it('knows the EVM chain ids, a configured one first', () => {
    expect(evmChainId('ethereum', 'mainnet')).toBe(1);
    expect(evmChainId('ethereum', 'testnet')).toBe(11155111);
    expect(evmChainId('ethereum', 'dev')).toBe(31337);
    expect(evmChainId('ethereum', 'dev', 1337)).toBe(1337);
    expect(evmChainId('bsc', 'mainnet')).toBe(56);
    expect(evmChainId('bsc', 'testnet')).toBe(97);
    expect(evmChainId('tron', 'mainnet')).toBeUndefined();
    expect(evmChainId('litecoin', 'regtest', 5)).toBeUndefined();
  });
  it('tells a wallet link from a bare address', () => {
    expect(isOpenableWalletUri('litecoin:RLTC1Q?amount=1')).toBe(true);
    expect(isOpenableWalletUri(`ethereum:${ETH}@1?value=1`)).toBe(true);
    expect(isOpenableWalletUri(TRX)).toBe(false);
  });
});
