import type { z } from 'zod';
import { config } from '@/lib/config/config';
import { currencySettings } from '@/lib/currencies/currency-settings';
import type { balancesResponse } from '@/lib/ledger/schemas';
import type { WithdrawalCurrencyOption } from './withdrawal-form';

/**
 * The currencies the request form offers: those enabled on this server, each with its chain (for the address check),
 * minimum and fee (KPAY_WITHDRAWAL_FEES over the built-in one, as requestWithdrawal charges it) and the merchant's
 * available balance, all as the exact decimal strings the server works with.
 */
export function withdrawalOptions(balances: z.infer<typeof balancesResponse>['balances']): WithdrawalCurrencyOption[] {
  const { fees } = config().crypto.withdrawals;
  return balances.flatMap((balance) => {
    const { enabled, chain, currency } = currencySettings(balance.currency);
    if (!enabled) return [];
    return [
      {
        code: currency.code,
        symbol: currency.symbol,
        network: currency.network,
        chain,
        decimals: currency.decimals,
        minimum: currency.minimum,
        fee: fees[currency.code] ?? currency.withdrawalFee,
        available: balance.available_balance,
      },
    ];
  });
}
