import { type Address, encodeFunctionData, erc20Abi, getAddress, type Hex, toHex } from 'viem';
import { createJsonRpcClient, type JsonRpcCall } from '@/lib/chains/json-rpc';
import { config } from '@/lib/config/config';
import { CURRENCIES, type CurrencyCode, DEFAULT_CONFIRMATIONS } from '@/lib/currencies/currencies';
import type { Chain } from '@/lib/currencies/networks';
import { parseAmount } from '@/lib/money';

export type EvmNetworkName = 'ethereum' | 'bsc';
export const EVM_NETWORKS: readonly EvmNetworkName[] = ['ethereum', 'bsc'];

/** The public chains' ids: a node that answers another one is the wrong node, and nothing is signed for it. */
const KNOWN_CHAIN_IDS: Record<EvmNetworkName, Partial<Record<Chain, number>>> = {
  ethereum: { mainnet: 1, testnet: 11_155_111 },
  bsc: { mainnet: 56, testnet: 97 },
};

/** An EVM network as the payout and sweep jobs use it: its node, the chain id transactions are signed for, its rules. */
export interface EvmNetwork {
  network: EvmNetworkName;
  chain: Chain;
  rpc: JsonRpcCall;
  /** EIP-155: every signature names it, so a transaction can never be replayed on another chain. */
  chainId: number;
  /** The network's coin (eth, bnb): what gas is paid in. */
  native: CurrencyCode;
  /** Blocks before a payout or sweep counts as final (KPAY_<NETWORK>_CONFIRMATIONS, as deposits). */
  confirmations: number;
  /** KPAY_<NETWORK>_MAX_GAS_PRICE_GWEI in wei. */
  maxGasPrice: bigint;
}

/**
 * The configured node of an EVM network, checked: its chain id must be the configured one (KPAY_<NETWORK>_CHAIN_ID),
 * or the public chain's for mainnet and testnet. Null when the network has no node (nothing to pay or sweep there).
 */
export async function connectEvmNetwork(network: EvmNetworkName): Promise<EvmNetwork | null> {
  const settings = config().crypto.networks[network];
  if (!settings.nodeUrl) return null;
  const chain = settings.chain as Chain;
  const rpc = createJsonRpcClient(settings.nodeUrl);
  const answered = Number(BigInt(await rpc<string>('eth_chainId')));
  const expected = settings.chainId ?? KNOWN_CHAIN_IDS[network][chain];
  if (expected !== undefined && answered !== expected) {
    throw new Error(`${network}: the node answers chain id ${answered}, the ${chain} chain is ${expected}: nothing is signed for it`);
  }
  return {
    network,
    chain,
    rpc,
    chainId: answered,
    native: CURRENCIES.find((c) => c.network === network && !c.contracts)!.code,
    confirmations: settings.confirmations ?? DEFAULT_CONFIRMATIONS[network],
    maxGasPrice: parseAmount(config().crypto.withdrawals.evmMaxGasPriceGwei[network], 9).units,
  };
}

/** The node's gas price (eth_gasPrice, wei), and whether it is above the configured cap. */
export async function gasPriceOf(net: EvmNetwork): Promise<{ price: bigint; aboveCap: boolean }> {
  const price = BigInt(await net.rpc<string>('eth_gasPrice'));
  return { price, aboveCap: price > net.maxGasPrice };
}

/** A block to read state at: a number (several reads of one moment agree), or the latest. */
export type BlockTag = bigint | 'latest';
const tag = (block: BlockTag) => (block === 'latest' ? block : toHex(block));

export const balanceOf = async (net: EvmNetwork, address: string, block: BlockTag = 'latest'): Promise<bigint> =>
  BigInt(await net.rpc<string>('eth_getBalance', [address, tag(block)]));

/** `balanceOf(owner)` of an ERC-20/BEP-20 contract. */
export async function tokenBalanceOf(net: EvmNetwork, contract: string, owner: string, block: BlockTag = 'latest'): Promise<bigint> {
  const data = encodeFunctionData({ abi: erc20Abi, functionName: 'balanceOf', args: [getAddress(owner)] });
  const answer = await net.rpc<Hex>('eth_call', [{ to: getAddress(contract), data }, tag(block)]);
  return answer === '0x' ? 0n : BigInt(answer);
}

/** How many transactions of `address` are in blocks up to `block` (the next nonce the chain expects from it). */
export const transactionCountOf = async (net: EvmNetwork, address: string, block: BlockTag = 'latest'): Promise<number> =>
  Number(BigInt(await net.rpc<string>('eth_getTransactionCount', [address, tag(block)])));

export const tipOf = async (net: EvmNetwork): Promise<bigint> => BigInt(await net.rpc<string>('eth_blockNumber'));

/** What a call would cost in gas (eth_estimateGas); a contract that would revert makes the node answer an error. */
export const estimateGas = async (net: EvmNetwork, call: { from: string; to: string; value?: bigint; data?: Hex }): Promise<bigint> =>
  BigInt(await net.rpc<string>('eth_estimateGas', [{ from: call.from, to: call.to, value: toHex(call.value ?? 0n), ...(call.data && { data: call.data }) }]));

/** An ERC-20 `transfer(to, amount)`'s call data. */
export const transferData = (to: string, amount: bigint): Hex =>
  encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [getAddress(to) as Address, amount] });

/** A native transfer to an account without code costs exactly this much gas (nodes' estimates may say 21,001). */
export const PLAIN_TRANSFER_GAS = 21_000n;

/** Whether an address has contract code (a payment to it runs that code; one to a plain account costs 21,000 gas). */
export const hasCode = async (net: EvmNetwork, address: string): Promise<boolean> => {
  const code = await net.rpc<Hex>('eth_getCode', [address, 'latest']);
  return code !== '0x' && code !== '0x0';
};

/** A gas estimate with a fifth more on top: what a contract call may burn is only known when it runs. */
export const withMargin = (gas: bigint): bigint => gas + gas / 5n;

/** The node's words of a JSON-RPC error ("<method> on <host>: <message> (<code>)" -> "<message> (<code>)"). */
export const nodeWords = (error: Error): string => error.message.split(': ').slice(1).join(': ') || error.message;
