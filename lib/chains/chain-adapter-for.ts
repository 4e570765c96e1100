import 'server-only';
import { type Config, config } from '@/lib/config/config';
import { CURRENCIES } from '@/lib/currencies/currencies';
import { currencySettings } from '@/lib/currencies/currency-settings';
import { type Chain, FAMILY_OF, type Network, NETWORKS } from '@/lib/currencies/networks';
import type { ChainAdapter, WatchedToken } from './chain-adapter';
import { createEvmAdapter } from './evm/evm-adapter';
import { createTronAdapter } from './tron/tron-adapter';
import { createUtxoAdapter } from './utxo/utxo-adapter';

export interface WatchedNetwork {
  network: Network;
  chain: Chain;
  adapter: ChainAdapter;
}

/**
 * The networks this deployment watches: each with a node URL, on its configured chain, through its family's adapter,
 * reporting the tokens enabled on it (by contract). A network without a node is not watched (and its currencies are
 * disabled, lib/currencies/currency-settings.ts).
 */
export function watchedNetworks(crypto: Config['crypto'] = config().crypto): WatchedNetwork[] {
  return NETWORKS.flatMap((network) => {
    const { nodeUrl, chain } = crypto.networks[network];
    if (!nodeUrl) return [];
    const currencies = CURRENCIES.filter((c) => c.network === network).map((c) => currencySettings(c.code, crypto));
    const tokens: WatchedToken[] = currencies.filter((s) => s.enabled && s.contract).map((s) => ({ currency: s.currency.code, contract: s.contract! }));
    const native = currencies.find((s) => !s.currency.contracts)!.currency.code;
    const family = FAMILY_OF[network];
    const adapter: ChainAdapter =
      family === 'utxo'
        ? createUtxoAdapter({ network: network as 'bitcoin' | 'litecoin', url: nodeUrl })
        : family === 'evm'
          ? createEvmAdapter({ network: network as 'ethereum' | 'bsc', url: nodeUrl, native, tokens })
          : createTronAdapter({ url: nodeUrl, tokens, apiKey: crypto.tronApiKey });
    return [{ network, chain: chain as Chain, adapter }];
  });
}
