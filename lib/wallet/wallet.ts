import { HDKey } from '@scure/bip32';
import { mnemonicToSeedSync, validateMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import type { Chain, Network } from '@/lib/currencies/networks';
import { evmAddress, p2wpkhAddress, segwitHrp, tronAddress } from './address-encoding';
import { type AddressBranch, addressPath, derivationAccount } from './derivation-paths';

export interface DerivedAddress {
  address: string;
  /** The full BIP32 path, stored beside the address so the key can be found again to spend from it. */
  path: string;
  /** The 33-byte compressed secp256k1 public key. */
  publicKey: Uint8Array;
}

export interface Wallet {
  /** The address at `index` on `branch` (0 receive, 1 change) of the network's account. */
  deriveAddress(network: Network, chain: Chain, index: number, branch?: AddressBranch): DerivedAddress;
  /**
   * The 32-byte private key at a path `deriveAddress` returned, for signing. It controls the funds at that address:
   * callers must never log it, put it in an error, or keep it longer than the signature takes.
   */
  privateKeyAt(path: string): Uint8Array;
  /** The 33-byte compressed public key at such a path (the script a UTXO it received is locked to). */
  publicKeyAt(path: string): Uint8Array;
}

// "<account>/<branch>/<index>" with a three-level hardened account, the only shape deriveAddress hands out.
const ADDRESS_PATH = /^(m\/\d+'\/\d+'\/\d+')\/([01])\/(\d+)$/;

/**
 * The HD wallet of the crypto rail, from a BIP39 mnemonic (normalised, as loadWalletMnemonic returns it) with an empty
 * passphrase. The master key lives only in this closure, so neither JSON.stringify nor util.inspect of the wallet can
 * print it.
 */
export function createWallet(mnemonic: string): Wallet {
  // An unchecked phrase would silently derive some other wallet's addresses; the message never repeats the words.
  if (!validateMnemonic(mnemonic, english)) throw new Error('the wallet mnemonic is not a valid BIP39 English phrase');
  // The seed costs 2048 PBKDF2 rounds and each account three hardened derivations: both are paid once, not per address.
  const master = HDKey.fromMasterSeed(mnemonicToSeedSync(mnemonic));
  const accounts = new Map<string, HDKey>();

  function accountKey(accountPath: string): HDKey {
    let account = accounts.get(accountPath);
    if (!account) {
      account = master.derive(accountPath);
      accounts.set(accountPath, account);
    }
    return account;
  }

  function keyAt(accountPath: string, branch: AddressBranch, index: number): HDKey {
    return accountKey(accountPath).deriveChild(branch).deriveChild(index);
  }

  function encode(network: Network, chain: Chain, publicKey: Uint8Array): string {
    switch (network) {
      case 'bitcoin':
      case 'litecoin':
        return p2wpkhAddress(segwitHrp(network, chain), publicKey);
      case 'ethereum':
      case 'bsc':
        return evmAddress(publicKey);
      case 'tron':
        return tronAddress(publicKey);
    }
  }

  return Object.freeze({
    deriveAddress(network: Network, chain: Chain, index: number, branch: AddressBranch = 0): DerivedAddress {
      const account = derivationAccount(network, chain);
      const path = addressPath(account.path, branch, index);
      const publicKey = keyAt(account.path, branch, index).publicKey!;
      return { address: encode(network, chain, publicKey), path, publicKey };
    },

    privateKeyAt: (path: string): Uint8Array => keyAtPath(path).privateKey!,
    publicKeyAt: (path: string): Uint8Array => keyAtPath(path).publicKey!,
  });

  /** The key at a path deriveAddress handed out; any other path is refused. */
  function keyAtPath(path: string): HDKey {
    const match = ADDRESS_PATH.exec(path);
    if (!match) throw new RangeError(`not an address path of this wallet: ${path}`);
    const accountPath = match[1]!;
    const branch = Number(match[2]) as AddressBranch;
    const index = Number(match[3]);
    // Rebuilding the path range-checks the index (past 2^31 - 1 it would be hardened) and refuses spellings such
    // as "0/007" that deriveAddress never hands out.
    if (addressPath(accountPath, branch, index) !== path) {
      throw new RangeError(`not an address path of this wallet: ${path}`);
    }
    return keyAt(accountPath, branch, index);
  }
}
