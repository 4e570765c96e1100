import { type Config, config } from '@/lib/config/config';
import { type Currency, type CurrencyCode, currencyOf, DEFAULT_CONFIRMATIONS } from './currencies';
import type { Chain } from './networks';

/** A currency as this deployment runs it: on which chain, whether it can be used now, and its confirmations. */
export interface CurrencySettings {
  currency: Currency;
  chain: Chain;
  enabled: boolean;
  /** Why not, when disabled: what to configure. */
  disabledReason: string | null;
  requiredConfirmations: number;
  /** The token's contract on the configured chain; null for a native coin (and for a token nobody configured). */
  contract: string | null;
}

/**
 * A network without a node URL is disabled, never faked: no address is handed out for money nobody would see arrive.
 * A token also needs its contract on the configured chain (built in for mainnet, KPAY_TOKEN_CONTRACTS otherwise).
 */
export function currencySettings(code: CurrencyCode, crypto: Config['crypto'] = config().crypto): CurrencySettings {
  const currency = currencyOf(code);
  const network = crypto.networks[currency.network];
  const chain = network.chain as Chain;
  const isToken = currency.contracts !== undefined;
  const contract = isToken ? (crypto.tokenContracts[code] ?? currency.contracts?.[chain as 'mainnet' | 'testnet'] ?? null) : null;
  const prefix = `KPAY_${currency.network.toUpperCase()}`;
  const disabledReason = !network.nodeUrl
    ? `No node configured for ${currency.network} (set ${prefix}_NODE_URL)`
    : isToken && !contract
      ? `No ${currency.symbol} contract known on ${currency.network} ${chain} (set KPAY_TOKEN_CONTRACTS=${code}:<address>)`
      : null;
  return {
    currency,
    chain,
    enabled: disabledReason === null,
    disabledReason,
    requiredConfirmations: network.confirmations ?? DEFAULT_CONFIRMATIONS[currency.network],
    contract,
  };
}
