/**
 * The chains KPay's crypto rail speaks, and which of each network's chains (mainnet, a testnet, a local dev chain) a
 * deployment runs against. No imports: components and the wallet read it too.
 */
export const NETWORKS = ['bitcoin', 'litecoin', 'ethereum', 'bsc', 'tron'] as const;
export type Network = (typeof NETWORKS)[number];

/** How a network is watched and paid from: Bitcoin Core-like JSON-RPC, Ethereum JSON-RPC, or the TRON HTTP API. */
export type NetworkFamily = 'utxo' | 'evm' | 'tron';

/**
 * The chain of a network a deployment runs against. `regtest` is a local bitcoind/litecoind; `dev` a local EVM node
 * (hardhat) whose chain id comes from configuration; `testnet` is the public test chain (bitcoin testnet or signet,
 * litecoin testnet, Sepolia, BSC testnet, TRON Nile).
 */
export const CHAINS_OF = {
  bitcoin: ['mainnet', 'testnet', 'regtest'],
  litecoin: ['mainnet', 'testnet', 'regtest'],
  ethereum: ['mainnet', 'testnet', 'dev'],
  bsc: ['mainnet', 'testnet', 'dev'],
  tron: ['mainnet', 'testnet'],
} as const satisfies Record<Network, readonly string[]>;
export type Chain = (typeof CHAINS_OF)[Network][number];
export type ChainOf<N extends Network> = (typeof CHAINS_OF)[N][number];

export const FAMILY_OF: Record<Network, NetworkFamily> = {
  bitcoin: 'utxo',
  litecoin: 'utxo',
  ethereum: 'evm',
  bsc: 'evm',
  tron: 'tron',
};

/** Names people read, in English; the pages translate them from messages. */
export const NETWORK_NAMES: Record<Network, string> = {
  bitcoin: 'Bitcoin',
  litecoin: 'Litecoin',
  ethereum: 'Ethereum',
  bsc: 'BNB Smart Chain',
  tron: 'TRON',
};
