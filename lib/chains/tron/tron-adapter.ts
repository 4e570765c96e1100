import type { ChainAdapter, ChainBlock, ChainTip, ChainTransfer, WatchedAddress, WatchedToken } from '@/lib/chains/chain-adapter';
import { type CurrencyCode, currencyOf } from '@/lib/currencies/currencies';
import { tronAccountId } from './tron-address';
import { readBlock, readTransfers } from './tron-block';
import { postTronApi, type TronHttpConfig } from './tron-http';

export interface TronAdapterOptions {
  /**
   * The TRON HTTP API's base URL: TronGrid (https://api.trongrid.io, https://nile.trongrid.io) or a java-tron node's
   * HTTP port. java-tron serves /wallet/* on its full-node port (8090 by default) and /walletsolidity/* on its solidity
   * port (8091): with `solidified` point this at the latter. TronGrid serves both on one host.
   */
  url: string;
  /** The TRC-20 tokens to report, by contract ('T…' or hex); anything else is ignored. */
  tokens: WatchedToken[];
  /** TronGrid's API key, sent as the TRON-PRO-API-KEY header (and never written into an error). */
  apiKey?: string;
  /** For each request; DEFAULT_TRON_TIMEOUT_MS when not given. */
  timeoutMs?: number;
  /**
   * Read only solidified blocks (confirmed by 19 of the 27 super representatives, about a minute behind the head): every
   * request goes to /walletsolidity/… instead of /wallet/…, so the tip is the solidified head and a block above it is
   * not served. Off by default: the watcher counts confirmations itself.
   */
  solidified?: boolean;
}

export const DEFAULT_TRON_TIMEOUT_MS = 15_000;

/** TRX: what a TransferContract moves. */
const TRON_COIN: CurrencyCode = 'trx';

/**
 * The ChainAdapter of the TRON network over the TRON HTTP API (java-tron's full node API, as TronGrid also serves it):
 * - tip(): POST getnowblock.
 * - blockHash(h): POST getblockbynum {"num": h}, its blockID.
 * - block(h): getblockbynum for the header and the TRX transfers (TransferContract), with gettransactioninfobyblocknum
 *   for the TRC-20 Transfer logs of allow-listed contracts (./tron-block.ts says exactly what counts).
 * - pending(): [] always. TRON has no network mempool to read: a node's own pool (getpendingsize,
 *   gettransactionlistfrompending) holds what reached that node, blocks come every 3 seconds, and a TRC-20 transfer's
 *   outcome (its Transfer log) exists only once it executed in a block.
 * Requests go out one endpoint call each, without retries; any failure or unexpected answer throws an Error naming the
 * endpoint, for the watcher to log and retry on its next run.
 */
export function createTronAdapter(options: TronAdapterOptions): ChainAdapter {
  const http: TronHttpConfig = {
    url: checkedUrl(options.url),
    apiKey: options.apiKey || undefined,
    timeoutMs: options.timeoutMs ?? DEFAULT_TRON_TIMEOUT_MS,
  };
  if (!Number.isSafeInteger(http.timeoutMs) || http.timeoutMs <= 0) {
    throw new RangeError('TRON adapter: timeoutMs must be a positive whole number');
  }
  const tokens = allowList(options.tokens);
  const api = options.solidified ? '/walletsolidity' : '/wallet';
  const endpoint = (name: string) => `${api}/${name}`;

  async function getBlock(height: number) {
    checkHeight(height);
    const path = endpoint('getblockbynum');
    return readBlock(await postTronApi(http, path, { num: height }), path, height);
  }

  return {
    network: 'tron',

    async tip(): Promise<ChainTip> {
      const path = endpoint('getnowblock');
      const { header } = readBlock(await postTronApi(http, path), path);
      return { height: header.height, hash: header.hash };
    },

    async blockHash(height: number): Promise<string> {
      return (await getBlock(height)).header.hash;
    },

    async block(height: number, watched: WatchedAddress): Promise<ChainBlock> {
      checkHeight(height);
      const infoPath = endpoint('gettransactioninfobyblocknum');
      // java-tron answers {} to num 0: the genesis block executed nothing, and its allocations are not payments.
      if (height === 0) return { ...(await getBlock(0)).header, transfers: [] };
      const [{ header, transactions }, infos] = await Promise.all([getBlock(height), postTronApi(http, infoPath, { num: height })]);
      const transfers = readTransfers(transactions, infos, {
        height,
        watched,
        tokens,
        coin: TRON_COIN,
        blockEndpoint: endpoint('getblockbynum'),
        infoEndpoint: infoPath,
      });
      return { ...header, transfers };
    },

    async pending(): Promise<ChainTransfer[]> {
      return [];
    },
  };
}

function checkHeight(height: number): void {
  if (!Number.isSafeInteger(height) || height < 0) throw new RangeError(`TRON adapter: no block height ${height}`);
}

function checkedUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError('TRON adapter: the node URL is not a URL');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new TypeError('TRON adapter: the node URL must be http(s)');
  return url;
}

/** Contract (account id) -> currency; refuses a contract that is not a TRON address, or one listed twice. */
function allowList(tokens: WatchedToken[]): Map<string, CurrencyCode> {
  const byContract = new Map<string, CurrencyCode>();
  for (const token of tokens) {
    if (currencyOf(token.currency)?.network !== 'tron' || token.currency === TRON_COIN) {
      throw new TypeError(`TRON adapter: ${token.currency} is not a TRON token`);
    }
    const id = tronAccountId(token.contract);
    if (!id) throw new TypeError(`TRON adapter: ${token.currency} contract ${token.contract} is not a TRON address`);
    if (byContract.has(id)) throw new TypeError(`TRON adapter: contract ${token.contract} is listed twice`);
    byContract.set(id, token.currency);
  }
  return byContract;
}
