import { randomBytes } from 'node:crypto';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';
import { freePorts, isBindError, type ManagedProcess, spawnManaged, waitUntilReady } from './processes';

// A real Litecoin Core regtest node for tests (Debian package `litecoind`, 0.21.x; .ci/run installs it). Bitcoin Core's
// JSON-RPC, with Litecoin 0.21's output differences (docs: /work/shared/reference/crypto-networks.md section 6):
// `scriptPubKey.addresses[]` and no `address`, `ismweb` on every vin/vout, regtest addresses `rltc1...`.

export const TEST_WALLET = 'kpay-test';

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

// Debian's /usr/bin/litecoind is a shell wrapper that creates ~/.litecoin (litecoin.conf with a random rpcpassword,
// DB_CONFIG) before it execs the real binary: a test must not write to the user's home (and fails where HOME is
// read-only), and our nodes never read that folder (-datadir is a temp folder, so is the config's default path).
const DEBIAN_BINARY = '/usr/lib/litecoin/litecoind';

/** The litecoind to run: Debian's real binary when present, else `litecoind` from PATH; undefined when neither. */
export function litecoindPath(): string | undefined {
  if (executable(DEBIAN_BINARY)) return DEBIAN_BINARY;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && executable(path.join(dir, 'litecoind'))) return path.join(dir, 'litecoind');
  }
  return undefined;
}

/** Is litecoind installed? Tests skip (loudly) without it; CI installs it (.ci/run). */
export function litecoindAvailable(): boolean {
  return litecoindPath() !== undefined;
}

/** A JSON-RPC error the node answered with (`code` is Bitcoin Core's RPC error code, e.g. -5, -8, -28). */
export class RpcError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
  ) {
    super(`${method}: ${message} (code ${code})`);
    this.name = 'RpcError';
  }
}

/**
 * `http://user:pass@host:port/` → the URL without credentials and the matching `Authorization` header.
 * A JSON-RPC client must send a node URL's userinfo as an HTTP Basic auth header itself: fetch (undici) throws
 * "Request cannot be constructed from a URL that includes credentials" for such URLs. Userinfo is percent-decoded.
 */
export function splitCredentials(url: string): { url: string; authorization?: string } {
  const parsed = new URL(url);
  if (!parsed.username && !parsed.password) return { url: parsed.toString() };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  return { url: parsed.toString(), authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

let requestId = 0;

/** One JSON-RPC 1.0 call (Bitcoin Core style) to `nodeUrl`; throws RpcError with the node's message on an error. */
export async function jsonRpc<T>(nodeUrl: string, method: string, params: unknown[] = [], timeoutMs = 60_000): Promise<T> {
  const { url, authorization } = splitCredentials(nodeUrl);
  const response = await fetch(url, {
    method: 'POST',
    // `connection: close`: Litecoin Core 0.21 does not finish shutting down while a client holds an idle keep-alive
    // connection open, and fetch (undici) keeps one for 4 s, so every stop() would take 4 s more.
    headers: { 'content-type': 'application/json', connection: 'close', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify({ jsonrpc: '1.0', id: ++requestId, method, params }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  // Errors come with HTTP 500 (404 for an unknown method) and a JSON body; a wrong password is a 401 with no body.
  const text = await response.text();
  let body: { result?: T; error?: { code: number; message: string } | null };
  try {
    body = JSON.parse(text);
  } catch {
    throw new RpcError(method, response.status, `HTTP ${response.status} ${response.statusText} ${text.slice(0, 200)}`.trim());
  }
  if (body.error) throw new RpcError(method, body.error.code, body.error.message);
  if (!response.ok) throw new RpcError(method, response.status, `HTTP ${response.status}`);
  return body.result as T;
}

export interface LitecoinNode {
  /**
   * `http://<user>:<password>@127.0.0.1:<rpcPort>/`, the value for KPAY_LITECOIN_NODE_URL. A client must turn the
   * userinfo into an `Authorization: Basic base64(user:password)` header (see splitCredentials): fetch refuses URLs
   * with credentials.
   */
  rpcUrl: string;
  rpcPort: number;
  /** The temp data folder (`<datadir>/regtest/debug.log` is the node's log); removed by stop(). */
  datadir: string;
  /** The wallet's address that mine() and fund() pay to by default (bech32, `rltc1...`). */
  miningAddress: string;
  /** Any RPC, JSON-RPC 1.0 with Basic auth. Wallet methods go to the only loaded wallet, `kpay-test`. */
  rpc<T = unknown>(method: string, params?: unknown[]): Promise<T>;
  /** A fresh bech32 address of the test wallet. */
  newAddress(): Promise<string>;
  /**
   * generatetoaddress: mines `blocks` blocks paying `address` (default: miningAddress); returns their hashes.
   * MWEB activates on regtest at height 432, and from then on a block cannot be mined until a peg-in has happened
   * (Litecoin Core fails with bad-txns-vin-empty): to go past height 431, call activateMweb() first.
   */
  mine(blocks: number, address?: string): Promise<string[]>;
  /**
   * Takes the chain past MWEB activation like mainnet: mines up to height 431, pegs 1 LTC in to a fresh MWEB address
   * (`tmweb1...`), mines block 432. Every block after that carries a HogEx transaction (output type
   * `witness_mweb_hogaddr`), peg-ins have `witness_mweb_pegin` outputs: neither has an address. Returns the peg-in
   * txid, or undefined when the chain is already past 431. Needs a funded wallet (mining to 431 funds it).
   */
  activateMweb(): Promise<string | undefined>;
  /** Mines 101 blocks to the wallet, so the first coinbase (50 LTC on regtest) is mature and spendable. */
  fund(): Promise<string[]>;
  /** sendtoaddress from the test wallet; the amount is a decimal LTC string (`"0.125"`, up to 8 places). Returns the txid. */
  send(address: string, amountLtc: string): Promise<string>;
  /** `stop` RPC, waits for the exit (SIGTERM/SIGKILL after 15 s), removes the datadir. Safe to call twice. */
  stop(): Promise<void>;
}

const AMOUNT = /^(0|[1-9][0-9]*)(\.[0-9]{1,8})?$/;
/** The first regtest block with MWEB rules (BIP9 on regtest: 144-block periods, locked in by 288, active at 432). */
const MWEB_HEIGHT = 432;

async function startOnce(timeoutMs: number): Promise<LitecoinNode> {
  const binary = litecoindPath();
  if (!binary) throw new Error('litecoind is not installed (Debian: apt-get install -y litecoind)');
  const [rpcPort, p2pPort] = (await freePorts(2)) as [number, number];
  const user = `kpay${randomBytes(4).toString('hex')}`;
  const password = randomBytes(16).toString('hex');
  const rpcUrl = `http://${user}:${password}@127.0.0.1:${rpcPort}/`;
  const managed: ManagedProcess = spawnManaged(
    binary,
    (datadir) => [
      '-regtest',
      `-datadir=${datadir}`,
      '-server',
      '-rpcbind=127.0.0.1',
      '-rpcallowip=127.0.0.1',
      `-rpcport=${rpcPort}`,
      `-port=${p2pPort}`,
      `-rpcuser=${user}`,
      `-rpcpassword=${password}`,
      '-fallbackfee=0.0001',
      '-txindex=1',
      '-listen=0',
      '-daemon=0',
      '-printtoconsole=0',
      // No peers, no outside world: a lone regtest node. (0.21 has no -natpmp; passing it aborts the start.)
      '-dnsseed=0',
      '-upnp=0',
      '-discover=0',
      '-listenonion=0',
      // A new wallet fills its keypool first: 3000 keys (1000 each external, internal, MWEB) cost 2.5 s here.
      '-keypool=10',
    ],
    { prefix: 'kpay-litecoind-' },
  );
  const rpc = <T>(method: string, params?: unknown[]) => jsonRpc<T>(rpcUrl, method, params);
  try {
    // Refused until the RPC server binds, then RPC_IN_WARMUP (-28) until the chain is loaded.
    await waitUntilReady(managed, 'litecoind', () => jsonRpc(rpcUrl, 'getblockchaininfo', [], 3_000), { timeoutMs });
    await rpc('createwallet', [TEST_WALLET]);
    const newAddress = () => rpc<string>('getnewaddress', ['', 'bech32']);
    const miningAddress = await newAddress();
    const mine = async (blocks: number, address = miningAddress) => {
      try {
        return await rpc<string[]>('generatetoaddress', [blocks, address]);
      } catch (error) {
        if (error instanceof Error && error.message.includes('bad-txns-vin-empty')) {
          error.message += ' (regtest MWEB activates at height 432 and needs a peg-in first: call activateMweb())';
        }
        throw error;
      }
    };
    const send = async (address: string, amountLtc: string) => {
      if (!AMOUNT.test(amountLtc)) throw new Error(`not an LTC amount: ${amountLtc}`);
      // Core parses amounts given as JSON strings exactly, so no float is involved.
      return rpc<string>('sendtoaddress', [address, amountLtc]);
    };
    return {
      rpcUrl,
      rpcPort,
      datadir: managed.dir,
      miningAddress,
      rpc,
      newAddress,
      mine,
      fund: () => mine(101),
      send,
      async activateMweb() {
        const height = await rpc<number>('getblockcount');
        if (height >= MWEB_HEIGHT) return undefined;
        if (height < MWEB_HEIGHT - 1) await mine(MWEB_HEIGHT - 1 - height);
        const pegin = await send(await rpc<string>('getnewaddress', ['', 'mweb']), '1');
        await mine(1);
        return pegin;
      },
      stop: () => managed.stop({ graceful: () => rpc('stop') }),
    };
  } catch (error) {
    const log = managed.logTail();
    await managed.stop();
    if (error instanceof Error && !error.message.includes(log)) error.message += `\n${log}`;
    throw error;
  }
}

/**
 * Starts `litecoind -regtest` on 127.0.0.1 with free ports, random RPC credentials and a temp datadir, waits until
 * RPC answers (up to `timeoutMs`), and creates and loads the wallet `kpay-test`. Always stop() it (afterAll); if the
 * test process dies first, the handlers in processes.ts kill the node and remove its folder.
 */
export async function startLitecoind({ timeoutMs = 30_000 } = {}): Promise<LitecoinNode> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(timeoutMs);
    } catch (error) {
      if (attempt >= 3 || !isBindError(error)) throw error;
    }
  }
}
