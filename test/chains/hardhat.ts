import { createRequire } from 'node:module';
import path from 'node:path';
import {
  type Address,
  type Chain,
  createPublicClient,
  createTestClient,
  createWalletClient,
  defineChain,
  getAddress,
  type Hex,
  http,
  type TransactionReceipt,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { freePort, isBindError, spawnManaged, waitUntilReady } from './processes';
import { compileTestToken } from './test-token';

// A real local EVM dev node for tests: `hardhat node` (Hardhat 2.x; Hardhat 3 wants Node 22). Automining: every
// transaction is mined into its own block at once. Hardhat needs a config file in its working folder, so the node
// runs in test/chains/hardhat/ (hardhat.config.cjs there: chain id 31337, Hardhat's 20 funded default accounts).

export const EVM_CHAIN_ID = 31337;
/** Hardhat's default account 0 (mnemonic "test test ... junk"), funded with 10,000 ETH. Public: never use elsewhere. */
export const HARDHAT_ACCOUNT_0_KEY: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';
/**
 * The address of the first contract account 0 deploys on a fresh node (nonce 0). scripts/chains.ts deploys the test
 * token first, so it lands here: the address vitest.config.ts's KPAY_TOKEN_CONTRACTS names.
 */
export const FIRST_CONTRACT_ADDRESS: Address = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

const HARDHAT_DIR = path.join(__dirname, 'hardhat');

function hardhatCli(): string {
  return createRequire(__filename).resolve('hardhat/internal/cli/bootstrap.js');
}

export interface TestToken {
  address: Address;
  decimals: number;
  symbol: string;
  /** The deployment's receipt (its logs hold the mint's Transfer from the zero address). */
  deployment: TransactionReceipt;
  /** ERC-20 transfer from account 0 (which holds the whole supply); waits for the receipt and checks its status. */
  transfer(to: Address, amount: bigint): Promise<TransactionReceipt>;
  balanceOf(owner: Address): Promise<bigint>;
}

export interface EvmNode {
  /** `http://127.0.0.1:<port>/`, the value for KPAY_ETHEREUM_NODE_URL. */
  rpcUrl: string;
  chainId: number;
  port: number;
  /** The node's stdout/stderr (every RPC call is logged), in a temp folder removed by stop(). */
  logFile: string;
  /** Account 0, the sender of sendEth, deployTestToken and TestToken.transfer. */
  account: ReturnType<typeof privateKeyToAccount>;
  chain: Chain;
  /** viem clients on rpcUrl. The public client has cacheTime 0: getBlockNumber() otherwise caches for 4 s. */
  publicClient: ReturnType<typeof makeClients>['publicClient'];
  walletClient: ReturnType<typeof makeClients>['walletClient'];
  testClient: ReturnType<typeof makeClients>['testClient'];
  /** Sends `wei` from account 0 to `to`; resolves with the (successful) receipt. */
  sendEth(to: Address, wei: bigint): Promise<TransactionReceipt>;
  /** `blocks` empty blocks, one evm_mine each. */
  mine(blocks: number): Promise<void>;
  /** The current block number, never cached. */
  blockNumber(): Promise<bigint>;
  /** evm_snapshot: the chain state now. */
  snapshot(): Promise<Hex>;
  /** evm_revert to a snapshot: blocks after it disappear (a reorg, as the watcher sees it). An id works once only. */
  revert(id: Hex): Promise<void>;
  /**
   * Compiles (once per process) and deploys contracts/TestToken.sol from account 0 with `decimals` and 1,000,000 whole
   * tokens minted to account 0. Call it twice for a second, independent token (e.g. one not on the allow-list).
   */
  deployTestToken(decimals?: number, options?: { name?: string; symbol?: string }): Promise<TestToken>;
  /** Kills the node's process group, waits for the exit. Safe to call twice. */
  stop(): Promise<void>;
}

function makeClients(rpcUrl: string, chain: Chain) {
  const account = privateKeyToAccount(HARDHAT_ACCOUNT_0_KEY);
  const transport = http(rpcUrl, { retryCount: 0 });
  return {
    account,
    publicClient: createPublicClient({ chain, transport, cacheTime: 0, pollingInterval: 50 }),
    walletClient: createWalletClient({ chain, transport, account, pollingInterval: 50 }),
    testClient: createTestClient({ chain, transport, mode: 'hardhat', pollingInterval: 50 }),
  };
}

async function chainIdOf(rpcUrl: string): Promise<number> {
  const response = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    signal: AbortSignal.timeout(3_000),
  });
  const body = (await response.json()) as { result?: Hex; error?: { message: string } };
  if (!body.result) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
  return Number(BigInt(body.result));
}

async function startOnce(timeoutMs: number, options: { compileToken: boolean }): Promise<EvmNode> {
  const port = await freePort();
  const rpcUrl = `http://127.0.0.1:${port}/`;
  const managed = spawnManaged(process.execPath, () => [hardhatCli(), 'node', '--hostname', '127.0.0.1', '--port', String(port)], {
    prefix: 'kpay-hardhat-',
    cwd: HARDHAT_DIR,
    env: { ...process.env, HARDHAT_DISABLE_TELEMETRY_PROMPT: 'true', NO_COLOR: '1' },
  });
  try {
    // Compile the test token (synchronous, ~1.5 s the first time in a process) while the node boots in its own process.
    if (options.compileToken) compileTestToken();
    const chainId = await waitUntilReady(managed, 'hardhat node', () => chainIdOf(rpcUrl), { timeoutMs });
    if (chainId !== EVM_CHAIN_ID) throw new Error(`hardhat node answers chain id ${chainId}, expected ${EVM_CHAIN_ID}`);
    const chain = defineChain({
      id: chainId,
      name: 'KPay test (Hardhat)',
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [rpcUrl] } },
    });
    const { account, publicClient, walletClient, testClient } = makeClients(rpcUrl, chain);

    const confirmed = async (hash: Hex, what: string) => {
      const receipt = await publicClient.waitForTransactionReceipt({ hash });
      if (receipt.status !== 'success') throw new Error(`${what} reverted (${hash})`);
      return receipt;
    };

    return {
      rpcUrl,
      chainId,
      port,
      logFile: managed.logFile,
      account,
      chain,
      publicClient,
      walletClient,
      testClient,
      sendEth: async (to, wei) => confirmed(await walletClient.sendTransaction({ to, value: wei }), 'ETH transfer'),
      // One evm_mine per block: hardhat_mine's blocks after the first are "reserved" blocks whose parentHash reads
      // 0x00…00, which a watcher rightly takes for a broken chain.
      async mine(blocks) {
        for (let i = 0; i < blocks; i++) await testClient.request({ method: 'evm_mine' } as never);
      },
      blockNumber: () => publicClient.getBlockNumber({ cacheTime: 0 }),
      snapshot: () => testClient.snapshot(),
      revert: (id) => testClient.revert({ id }),
      async deployTestToken(decimals = 6, { name = 'Tether USD (test)', symbol = 'USDT' } = {}) {
        const { abi, bytecode } = compileTestToken();
        const supply = 1_000_000n * 10n ** BigInt(decimals);
        const deployHash = await walletClient.deployContract({ abi, bytecode, args: [name, symbol, decimals, supply] });
        const deployment = await confirmed(deployHash, 'TestToken deployment');
        if (!deployment.contractAddress) throw new Error('TestToken deployment has no contract address');
        const address = getAddress(deployment.contractAddress); // the receipt's is lower case; checksum it

        return {
          address,
          decimals,
          symbol,
          deployment,
          transfer: async (to, amount) =>
            confirmed(await walletClient.writeContract({ address, abi, functionName: 'transfer', args: [to, amount] }), 'token transfer'),
          balanceOf: async (owner) =>
            (await publicClient.readContract({ address, abi, functionName: 'balanceOf', args: [owner] })) as bigint,
        };
      },
      // hardhat node has no graceful stop RPC; SIGTERM of the group ends it at once.
      stop: () => managed.stop(),
    };
  } catch (error) {
    await managed.stop();
    throw error;
  }
}

/**
 * Starts `hardhat node` on 127.0.0.1 with a free port (its own process group, log in a temp folder) and waits until
 * eth_chainId answers (up to `timeoutMs`; a start takes about 2 s here). Always stop() it (afterAll).
 * `compileToken` (default true) compiles the test token while the node boots; pass false if the file deploys none.
 */
export async function startEvmNode({ timeoutMs = 60_000, compileToken = true } = {}): Promise<EvmNode> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce(timeoutMs, { compileToken });
    } catch (error) {
      if (attempt >= 3 || !isBindError(error)) throw error;
    }
  }
}
