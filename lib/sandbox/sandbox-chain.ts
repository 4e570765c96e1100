import 'server-only';
import { createWalletClient, defineChain, erc20Abi, getAddress, http, type Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createJsonRpcClient } from '@/lib/chains/json-rpc';
import { config } from '@/lib/config/config';
import { AppError } from '@/lib/errors';
import type { CurrencyCode } from '@/lib/currencies/currencies';
import { currencySettings } from '@/lib/currencies/currency-settings';
import type { Network } from '@/lib/currencies/networks';
import { amount, formatAmount } from '@/lib/money';

/**
 * Hardhat's well-known account 0: funded on every hardhat node, published in hardhat's own documentation, so it is no
 * secret and moves nothing of value. Used on a `dev` chain only.
 */
const HARDHAT_ACCOUNT_0: Hex = '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80';

/** What the sandbox can do on a local test chain: send money from the node's test wallet, and mine blocks. */
export interface SandboxChain {
  send(currency: CurrencyCode, to: string, units: bigint): Promise<string>;
  mine(blocks: number): Promise<void>;
}

/**
 * The sandbox of a network, only when it runs a local test chain (bitcoin or litecoin `regtest`, ethereum or bsc
 * `dev`) with a node configured; null on mainnet and public testnets, where there is no test wallet to pay from and
 * nothing to mine, so the sandbox's routes answer 404 there.
 */
export function sandboxChain(network: Network): SandboxChain | null {
  const chain = localTestChain(network);
  return chain && { send: nodeCall(network, chain.send), mine: nodeCall(network, chain.mine) };
}

/** A node's failure (down, out of test funds) as a 503 naming the node's own words, never a 500. */
function nodeCall<A extends unknown[], R>(network: Network, call: (...args: A) => Promise<R>) {
  return async (...args: A): Promise<R> => {
    try {
      return await call(...args);
    } catch (error) {
      throw new AppError('node_unavailable', `The ${network} test node refused: ${(error as Error).message.split('\n')[0]!.slice(0, 300)}`);
    }
  };
}

function localTestChain(network: Network): SandboxChain | null {
  const { chain, nodeUrl, chainId } = config().crypto.networks[network];
  if (!nodeUrl) return null;
  if ((network === 'bitcoin' || network === 'litecoin') && chain === 'regtest') {
    const rpc = createJsonRpcClient(nodeUrl, { version: '1.0' });
    return {
      // The node's own wallet pays (on `npm run chains`, the funded regtest wallet).
      send: (_currency, to, units) => rpc<string>('sendtoaddress', [to, formatAmount(amount(units, 8))]),
      async mine(blocks) {
        await rpc('generatetoaddress', [blocks, await rpc<string>('getnewaddress')]);
      },
    };
  }
  if ((network === 'ethereum' || network === 'bsc') && chain === 'dev') {
    const devChain = defineChain({
      id: chainId ?? 31337,
      name: `${network} dev`,
      nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      rpcUrls: { default: { http: [nodeUrl] } },
    });
    const wallet = createWalletClient({ chain: devChain, transport: http(nodeUrl), account: privateKeyToAccount(HARDHAT_ACCOUNT_0) });
    return {
      async send(currency, to, units) {
        const contract = currencySettings(currency).contract;
        if (!contract) return wallet.sendTransaction({ to: getAddress(to), value: units });
        return wallet.writeContract({ address: getAddress(contract), abi: erc20Abi, functionName: 'transfer', args: [getAddress(to), units] });
      },
      async mine(blocks) {
        for (let i = 0; i < blocks; i++) await wallet.request({ method: 'evm_mine' } as never);
      },
    };
  }
  return null;
}

/** Whether the sandbox exists for a network here: the hosted page offers "pay from the test wallet" only then. */
export const sandboxAvailable = (network: Network): boolean => localTestChain(network) !== null;
