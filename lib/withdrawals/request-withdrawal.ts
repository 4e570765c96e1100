import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { database } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { walletAddresses, withdrawalEvents, withdrawals } from '@/db/schema';
import { requireUser, type Principal } from '@/lib/auth/principal';
import { config } from '@/lib/config/config';
import { currencySettings } from '@/lib/currencies/currency-settings';
import { AppError } from '@/lib/errors';
import { lockBalance } from '@/lib/ledger/lock-balance';
import { move, postLedger } from '@/lib/ledger/post-ledger';
import { compareAmounts, formatAmount, parseAmount, safeParseAmount } from '@/lib/money';
import { normalizeAddress } from '@/lib/wallet/validate-address';
import type { RequestWithdrawalInput, WithdrawalResponse } from './schemas';
import { toWithdrawalResponse } from './withdrawal-view';

const invalid = (field: string, message: string) => new AppError('validation_failed', 'Some fields are invalid', { [field]: message });

export interface RequestedWithdrawal {
  withdrawal: WithdrawalResponse;
  /** The same Idempotency-Key and body again: the first answer, nothing new. */
  replayed: boolean;
}

/**
 * A merchant's withdrawal request: the amount (fee included) moves from available to reserved in the ledger, in one
 * database transaction with a balance check no concurrent request can race (lib/ledger/lock-balance.ts), so
 * withdrawals never overdraw. The destination must be a valid address of the currency's network and chain, and not
 * one of KPay's own. An Idempotency-Key makes a retried request return the first answer.
 */
export async function requestWithdrawal(principal: Principal, input: RequestWithdrawalInput, idempotencyKey?: string): Promise<RequestedWithdrawal> {
  const { userId } = requireUser(principal);
  const settings = currencySettings(input.currency);
  if (!settings.enabled) throw invalid('currency', `${input.currency} is not available: ${settings.disabledReason}`);
  const { currency, chain } = settings;
  const parsed = safeParseAmount(input.amount, currency.decimals);
  if (!parsed.ok) throw invalid('amount', parsed.message);
  const requested = parsed.amount;
  const fee = parseAmount(config().crypto.withdrawals.fees[currency.code] ?? currency.withdrawalFee, currency.decimals);
  if (compareAmounts(requested, parseAmount(currency.minimum, currency.decimals)) < 0) {
    throw invalid('amount', `The smallest withdrawal is ${currency.minimum} ${currency.symbol}`);
  }
  if (compareAmounts(requested, fee) <= 0) throw invalid('amount', `Must be more than the fee of ${formatAmount(fee)} ${currency.symbol}`);
  const destination = normalizeAddress(currency.network, chain, input.destination_address);
  if (!destination) throw invalid('destination_address', `Not a valid ${currency.network} ${chain} address`);
  if (input.memo && !currency.memo) throw invalid('memo', `${currency.network} takes no memo`);
  const key = idempotencyKey?.trim() || null;
  if (key !== null && (key.length > 200 || /\p{Cc}/u.test(key))) throw new AppError('bad_request', 'Idempotency-Key must be at most 200 printable characters');
  const requestHash = createHash('sha256')
    .update(JSON.stringify({ currency: currency.code, amount: formatAmount(requested), destination, memo: input.memo ?? null }))
    .digest('hex');

  const db = await database();
  if (key !== null) {
    const existing = await byKey(userId, key);
    if (existing) return replay(existing, requestHash);
  }
  const [own] = await db
    .select({ id: walletAddresses.id })
    .from(walletAddresses)
    .where(and(eq(walletAddresses.network, currency.network), eq(walletAddresses.address, destination)));
  if (own) throw invalid('destination_address', "This is one of KPay's own deposit addresses: withdraw to a wallet of yours");

  const approvalsRequired = approvalsFor(currency.code, requested.units, currency.decimals);
  try {
    const row = await db.transaction(async (tx) => {
      const available = await lockBalance(tx, userId, currency.code, 'available');
      if (available < requested.units) {
        throw new AppError('insufficient_funds', `Available: ${formatAmount({ units: available, decimals: currency.decimals })} ${currency.symbol}`);
      }
      const [created] = await tx
        .insert(withdrawals)
        .values({
          userId,
          currency: currency.code,
          network: currency.network,
          chain,
          amount: requested.units,
          fee: fee.units,
          netAmount: requested.units - fee.units,
          destinationAddress: destination,
          memo: input.memo,
          approvalsRequired,
          idempotencyKey: key,
          requestHash,
        })
        .returning();
      await postLedger(tx, {
        userId,
        currency: currency.code,
        reason: 'withdrawal_requested',
        withdrawalId: created!.id,
        lines: move('available', 'reserved', requested.units),
      });
      await tx.insert(withdrawalEvents).values({ withdrawalId: created!.id, type: 'requested', toStatus: 'pending', actor: 'merchant', data: { approvals_required: approvalsRequired } });
      return created!;
    });
    return { withdrawal: toWithdrawalResponse(row), replayed: false };
  } catch (error) {
    // The same key twice at once: the second finds the first's withdrawal (its reservation rolled back with it).
    if (key === null || !isUniqueViolation(error, 'withdrawals_idempotency_uq')) throw error;
    const winner = await byKey(userId, key);
    if (!winner) throw error;
    return replay(winner, requestHash);
  }
}

/** 0 below the auto-approve limit, 2 above the operator limit, 1 (the merchant confirms) otherwise. */
function approvalsFor(code: string, units: bigint, decimals: number): number {
  const { autoApproveBelow, operatorAbove } = config().crypto.withdrawals;
  const limit = (value: string | undefined) => (value === undefined ? null : parseAmount(value, decimals).units);
  const operator = limit(operatorAbove[code]);
  if (operator !== null && units > operator) return 2;
  const auto = limit(autoApproveBelow[code]);
  return auto !== null && units < auto ? 0 : 1;
}

async function byKey(userId: string, key: string) {
  const db = await database();
  const [row] = await db.select().from(withdrawals).where(and(eq(withdrawals.userId, userId), eq(withdrawals.idempotencyKey, key)));
  return row;
}

function replay(row: typeof withdrawals.$inferSelect, requestHash: string): RequestedWithdrawal {
  if (row.requestHash !== requestHash) throw new AppError('conflict', 'This Idempotency-Key was used for a different withdrawal');
  return { withdrawal: toWithdrawalResponse(row), replayed: true };
}
