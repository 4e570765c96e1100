import type { ChainAdapter, ChainBlock, ChainTransfer, WatchedAddress } from '@/lib/chains/chain-adapter';
import { createJsonRpcClient, type JsonRpcCall } from '@/lib/chains/json-rpc';
import type { CurrencyCode } from '@/lib/currencies/currencies';
import { parseAmount } from '@/lib/money';

/** Bitcoin and Litecoin count in 8 decimals (satoshi, litoshi). */
const COIN_DECIMALS = 8;

interface Output {
  n: number;
  value?: string | number;
  ismweb?: boolean;
  scriptPubKey?: { address?: string; addresses?: string[] };
}
interface RawTransaction {
  txid: string;
  vout: Output[];
}
interface RawBlock {
  hash: string;
  height: number;
  time: number;
  previousblockhash?: string;
  tx: RawTransaction[];
}

/**
 * A Bitcoin Core-compatible node (bitcoind, litecoind) over JSON-RPC: blocks by `getblock <hash> 2` and the mempool by
 * `getrawmempool` + `getrawtransaction <txid> true` (read once per transaction and remembered while it waits there).
 * Litecoin Core 0.21 names an output's address in `scriptPubKey.addresses[0]` instead of `address`, and MWEB outputs
 * (`ismweb`, no script) are skipped: KPay's addresses are never MWEB addresses. Coin values arrive as exact decimal
 * text (lib/chains/json-rpc.ts) and become integer base units.
 */
export function createUtxoAdapter(options: { network: 'bitcoin' | 'litecoin'; url: string; timeoutMs?: number }): ChainAdapter {
  const rpc = createJsonRpcClient(options.url, { version: '1.0', timeoutMs: options.timeoutMs });
  const currency: CurrencyCode = options.network === 'bitcoin' ? 'btc' : 'ltc';
  const mempoolOutputs = new Map<string, ChainTransfer[]>();

  const transfersOf = (tx: RawTransaction, watched: WatchedAddress): ChainTransfer[] =>
    tx.vout.flatMap((output) => {
      if (output.ismweb || !output.scriptPubKey || output.value === undefined) return [];
      const address = (output.scriptPubKey.address ?? output.scriptPubKey.addresses?.[0])?.toLowerCase();
      if (!address || !watched(address)) return [];
      const units = parseAmount(String(output.value), COIN_DECIMALS).units;
      return units > 0n ? [{ txHash: tx.txid, outputIndex: output.n, to: address, currency, amount: units }] : [];
    });

  return {
    network: options.network,
    async tip() {
      const info = await rpc<{ blocks: number; bestblockhash: string }>('getblockchaininfo');
      return { height: info.blocks, hash: info.bestblockhash };
    },
    blockHash: (height) => rpc<string>('getblockhash', [height]),
    async block(height, watched): Promise<ChainBlock> {
      const block = await rpc<RawBlock>('getblock', [await rpc<string>('getblockhash', [height]), 2]);
      return {
        height: block.height,
        hash: block.hash,
        parentHash: block.previousblockhash ?? '',
        time: new Date(block.time * 1000),
        transfers: block.tx.flatMap((tx) => transfersOf(tx, watched)),
      };
    },
    async pending(watched) {
      const txids = await rpc<string[]>('getrawmempool');
      const current = new Set(txids);
      for (const txid of mempoolOutputs.keys()) if (!current.has(txid)) mempoolOutputs.delete(txid);
      const found: ChainTransfer[] = [];
      for (const txid of txids) {
        let outputs = mempoolOutputs.get(txid);
        if (!outputs) {
          const tx = await readMempoolTransaction(rpc, txid);
          // Watched addresses only grow, so a transaction with none of them now is read again only if it reappears.
          outputs = tx ? transfersOf(tx, watched) : [];
          mempoolOutputs.set(txid, outputs);
        }
        found.push(...outputs);
      }
      return found;
    },
  };
}

/** A mempool transaction, or null when it left the mempool between the listing and the read. */
async function readMempoolTransaction(rpc: JsonRpcCall, txid: string): Promise<RawTransaction | null> {
  try {
    return await rpc<RawTransaction>('getrawtransaction', [txid, true]);
  } catch {
    return null;
  }
}
