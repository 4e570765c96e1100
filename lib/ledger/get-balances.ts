import { eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { database } from '@/db/client';
import { ledgerEntries } from '@/db/schema';
import { requireUser, type Principal } from '@/lib/auth/principal';
import { CURRENCY_CODES, type CurrencyCode, currencyOf } from '@/lib/currencies/currencies';
import { amount, formatAmount } from '@/lib/money';
import type { LedgerAccount } from './ledger-accounts';
import type { balancesResponse } from './schemas';

/**
 * GET /gateway/balances: the merchant's money per currency, summed from the ledger. available: confirmed and not
 * reserved; pending: seen on the chain, not yet confirmed; total_received: every confirmed deposit; total_withdrawn:
 * sent out by withdrawals (Step 9). Every currency is listed, zero where nothing moved.
 */
export async function getBalances(principal: Principal): Promise<z.infer<typeof balancesResponse>> {
  const { userId } = requireUser(principal);
  const db = await database();
  const sums = await db
    .select({ currency: ledgerEntries.currency, account: ledgerEntries.account, total: sql<string>`sum(${ledgerEntries.amount})::text` })
    .from(ledgerEntries)
    .where(eq(ledgerEntries.userId, userId))
    .groupBy(ledgerEntries.currency, ledgerEntries.account);
  const balanceOf = (currency: CurrencyCode, account: LedgerAccount) =>
    BigInt(sums.find((s) => s.currency === currency && s.account === account)?.total ?? '0');
  return {
    balances: CURRENCY_CODES.map((currency) => {
      const format = (units: bigint) => formatAmount(amount(units, currencyOf(currency).decimals));
      const pending = balanceOf(currency, 'pending');
      // chain_in is what the chain paid in (negative); what is still pending is not yet received.
      const received = -balanceOf(currency, 'chain_in') - pending;
      return {
        currency,
        available_balance: format(balanceOf(currency, 'available')),
        pending_balance: format(pending),
        reserved_balance: format(balanceOf(currency, 'reserved')),
        total_received: format(received),
        total_withdrawn: format(balanceOf(currency, 'chain_out')),
      };
    }),
  };
}
