import type { CurrencyCode } from '@/lib/currencies/currencies';
import type { Network } from '@/lib/currencies/networks';

/**
 * What the deposit watcher (lib/deposits) needs of a chain, whatever its family: the best chain's tip, its blocks with
 * the transfers they carry to KPay's addresses, and (where the family has one) the mempool. One implementation per
 * family: lib/chains/utxo (Bitcoin Core-compatible JSON-RPC), lib/chains/evm (Ethereum JSON-RPC), lib/chains/tron (the
 * TRON HTTP API). Adapters only read; they never decide what a deposit means.
 */
export interface ChainAdapter {
  readonly network: Network;
  /** The best chain's highest block. */
  tip(): Promise<ChainTip>;
  /** The hash of the best chain's block at `height` (walking back to a fork point). */
  blockHash(height: number): Promise<string>;
  /** The best chain's block at `height`, with the transfers in it to addresses `watched` says yes to. */
  block(height: number, watched: WatchedAddress): Promise<ChainBlock>;
  /** Transfers to watched addresses not yet in a block; [] where the family has no mempool to read. */
  pending(watched: WatchedAddress): Promise<ChainTransfer[]>;
}

export interface ChainTip {
  height: number;
  hash: string;
}

export interface ChainBlock {
  height: number;
  hash: string;
  /** The previous block's hash: a mismatch with the one stored is a reorg. */
  parentHash: string;
  time: Date;
  transfers: ChainTransfer[];
}

/** Money arriving at one address in one transaction output (UTXO), log (token) or transaction (native EVM, TRON). */
export interface ChainTransfer {
  txHash: string;
  /** UTXO: the output's index (vout). Tokens: the log's index in the block. Native EVM and TRON coin: -1. */
  outputIndex: number;
  /** The receiving address in the canonical form lib/wallet derives (bech32 lower case, EIP-55, base58 T...). */
  to: string;
  currency: CurrencyCode;
  /** Integer base units of `currency`. */
  amount: bigint;
}

/** Whether an address (canonical form) is one of KPay's: the watcher answers from its set of deposit addresses. */
export type WatchedAddress = (address: string) => boolean;

/** A token the adapter reports, by its contract address on the configured chain: never by symbol. */
export interface WatchedToken {
  currency: CurrencyCode;
  contract: string;
}
