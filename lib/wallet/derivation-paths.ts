import type { Chain, ChainOf, Network } from '@/lib/currencies/networks';

/**
 * Names the database sequence that hands out address indexes for one account. Networks that derive from the same
 * account share a sequence, because there the same index is the same key: on ETH and BSC even the very same address,
 * on the bitcoin and litecoin testnets (both coin type 1) the same key under two encodings. One counter per account is
 * what guarantees a key, hence an address, is never handed to two payments.
 */
export type AddressSequence = 'bip84_0' | 'bip84_1' | 'bip84_2' | 'bip44_60' | 'bip44_195';

export interface DerivationAccount {
  sequence: AddressSequence;
  /** The hardened account path, e.g. "m/84'/0'/0'". Addresses hang below it at `/<branch>/<index>`. */
  path: string;
}

/** Receive addresses are on branch 0, change on branch 1 (BIP44 "change" level). */
export type AddressBranch = 0 | 1;

const BITCOIN_MAIN: DerivationAccount = { sequence: 'bip84_0', path: "m/84'/0'/0'" };
const LITECOIN_MAIN: DerivationAccount = { sequence: 'bip84_2', path: "m/84'/2'/0'" };
// SLIP-44 coin type 1 is "testnet, all coins": bitcoin and litecoin test chains derive the very same keys.
const UTXO_TEST: DerivationAccount = { sequence: 'bip84_1', path: "m/84'/1'/0'" };
// BSC uses coin type 60 like Ethereum (714 is the retired Binance Chain), as wallets such as MetaMask do.
const EVM: DerivationAccount = { sequence: 'bip44_60', path: "m/44'/60'/0'" };
// TRON testnets use mainnet's coin type; a deployment runs one TRON chain, so keys never meet on both.
const TRON: DerivationAccount = { sequence: 'bip44_195', path: "m/44'/195'/0'" };

// BIP84 (native segwit) for the bitcoin-like chains, BIP44 for EVM and TRON; the mapped type makes a new network or
// chain in lib/currencies/networks.ts fail to compile here until it has an account.
const ACCOUNTS: { [N in Network]: Record<ChainOf<N>, DerivationAccount> } = {
  bitcoin: { mainnet: BITCOIN_MAIN, testnet: UTXO_TEST, regtest: UTXO_TEST },
  litecoin: { mainnet: LITECOIN_MAIN, testnet: UTXO_TEST, regtest: UTXO_TEST },
  ethereum: { mainnet: EVM, testnet: EVM, dev: EVM },
  bsc: { mainnet: EVM, testnet: EVM, dev: EVM },
  tron: { mainnet: TRON, testnet: TRON },
};

/** The account a network's deposit addresses derive from, and the sequence that numbers them. */
export function derivationAccount(network: Network, chain: Chain): DerivationAccount {
  const account = (ACCOUNTS[network] as Partial<Record<Chain, DerivationAccount>>)[chain];
  if (!account) throw new RangeError(`${network} has no ${chain} chain`);
  return { ...account };
}

const LARGEST_UNHARDENED_INDEX = 2 ** 31 - 1;

/** The full path of one address below an account: `<account>/<branch>/<index>`, both levels unhardened. */
export function addressPath(accountPath: string, branch: AddressBranch, index: number): string {
  if (branch !== 0 && branch !== 1) throw new RangeError(`address branch must be 0 or 1, got ${branch}`);
  // Indexes from 2^31 on would be hardened ones, which an account xpub cannot derive.
  if (!Number.isInteger(index) || index < 0 || index > LARGEST_UNHARDENED_INDEX) {
    throw new RangeError(`address index must be an integer from 0 to ${LARGEST_UNHARDENED_INDEX}, got ${index}`);
  }
  return `${accountPath}/${branch}/${index}`;
}
