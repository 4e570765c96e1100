import { createPublicClient, getAddress, http, type PublicClient } from 'viem';
import type { ChainAdapter, ChainBlock, ChainTransfer, WatchedToken } from '@/lib/chains/chain-adapter';
import type { CurrencyCode } from '@/lib/currencies/currencies';

/** keccak256("Transfer(address,address,uint256)"): ERC-20 and BEP-20 transfers (ERC-721 shares it, with 4 topics). */
export const TRANSFER_TOPIC = '0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

/**
 * An Ethereum JSON-RPC node or provider (ethereum, BSC) through viem: native transfers from each block's transactions
 * whose receipt succeeded, and token `Transfer` logs of the allow-listed contracts only (by address, never by symbol;
 * exactly 3 topics, so an ERC-721 transfer is never read as a token payment). Money sent to a deposit address by a
 * contract's internal call (no transaction of its own to that address) is not seen: that needs tracing, which plain
 * nodes and most providers do not offer; the README says so. EVM has no mempool read here: a transaction is seen once
 * it is in a block.
 */
export function createEvmAdapter(options: {
  network: 'ethereum' | 'bsc';
  url: string;
  native: CurrencyCode;
  tokens: WatchedToken[];
  timeoutMs?: number;
}): ChainAdapter {
  const client: PublicClient = createPublicClient({ transport: http(options.url, { timeout: options.timeoutMs ?? 30_000, retryCount: 1 }) });
  const tokenByContract = new Map(options.tokens.map((t) => [t.contract.toLowerCase(), t.currency]));
  const contracts = options.tokens.map((t) => getAddress(t.contract));

  return {
    network: options.network,
    async tip() {
      const block = await client.getBlock({ blockTag: 'latest' });
      return { height: Number(block.number), hash: block.hash! };
    },
    async blockHash(height) {
      return (await client.getBlock({ blockNumber: BigInt(height) })).hash!;
    },
    async block(height, watched): Promise<ChainBlock> {
      const block = await client.getBlock({ blockNumber: BigInt(height), includeTransactions: true });
      const transfers: ChainTransfer[] = [];
      for (const tx of block.transactions) {
        if (!tx.to || tx.value === 0n) continue;
        const to = getAddress(tx.to);
        if (!watched(to)) continue;
        const receipt = await client.getTransactionReceipt({ hash: tx.hash });
        if (receipt.status === 'success') transfers.push({ txHash: tx.hash, outputIndex: -1, to, currency: options.native, amount: tx.value });
      }
      if (contracts.length > 0) {
        // Logs of this block only, filtered by the allow-listed contracts and the Transfer topic at the node.
        const logs = await client.request({
          method: 'eth_getLogs',
          params: [{ blockHash: block.hash!, address: contracts, topics: [TRANSFER_TOPIC] }],
        });
        for (const log of logs) {
          const currency = tokenByContract.get(log.address.toLowerCase());
          if (!currency || log.topics.length !== 3 || log.removed) continue;
          const to = getAddress(`0x${log.topics[2]!.slice(-40)}`);
          if (!watched(to)) continue;
          const amount = BigInt(log.data);
          if (amount > 0n) transfers.push({ txHash: log.transactionHash!, outputIndex: Number(log.logIndex), to, currency, amount });
        }
      }
      return { height: Number(block.number), hash: block.hash!, parentHash: block.parentHash, time: new Date(Number(block.timestamp) * 1000), transfers };
    },
    pending: async () => [],
  };
}
