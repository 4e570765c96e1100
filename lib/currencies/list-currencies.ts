import type { z } from 'zod';
import { CURRENCY_CODES } from './currencies';
import { currencySettings } from './currency-settings';
import type { currencyListResponse } from './schemas';

/** GET /gateway/currencies: the contract's fields, plus what a client needs to offer only what works. */
export function listCurrencies(): z.infer<typeof currencyListResponse> {
  return {
    currencies: CURRENCY_CODES.map((code) => {
      const s = currencySettings(code);
      return {
        code,
        name: s.currency.name,
        symbol: s.currency.symbol,
        network: s.currency.network,
        icon: s.currency.icon,
        decimals: s.currency.decimals,
        family: s.currency.family,
        chain: s.chain,
        token_contract: s.contract,
        minimum_amount: s.currency.minimum,
        required_confirmations: s.requiredConfirmations,
        memo: s.currency.memo,
        enabled: s.enabled,
        disabled_reason: s.disabledReason,
      };
    }),
  };
}
