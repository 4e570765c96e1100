'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { dashboardAction } from '@/lib/dashboard/dashboard-action';
import { approveWithdrawal } from '@/lib/withdrawals/approve-withdrawal';
import { cancelWithdrawal } from '@/lib/withdrawals/cancel-withdrawal';
import { requestWithdrawal } from '@/lib/withdrawals/request-withdrawal';
import { requestWithdrawalInput, type WithdrawalResponse, withdrawalIdParams } from '@/lib/withdrawals/schemas';

// A withdrawal moves money between available and reserved: the balances page, the withdrawals list and every other
// dashboard page showing them are redrawn.
const changed = ({ id, status, approvals_required }: WithdrawalResponse) => {
  revalidatePath('/dashboard', 'layout');
  return { id, status, approvals_required };
};

/**
 * The request form's fields: the API's body, and the form's Idempotency-Key (one per filled-in form), so a repeated
 * submit (a double click, a retry after a lost answer) makes one withdrawal. requestWithdrawal checks the key itself.
 */
const requestWithdrawalForm = z.strictObject({ ...requestWithdrawalInput.shape, idempotency_key: z.string() });

/** The merchant asks for a withdrawal: the same call as POST /api/gateway/withdrawals with an Idempotency-Key. */
export const requestWithdrawalAction = dashboardAction(requestWithdrawalForm, async ({ idempotency_key, ...input }, merchant) =>
  changed((await requestWithdrawal(merchant.principal, input, idempotency_key)).withdrawal),
);

/** The merchant confirms a pending withdrawal: the same call as POST /api/gateway/withdrawals/{id}/approve. */
export const approveWithdrawalAction = dashboardAction(withdrawalIdParams, async ({ id }, merchant) => changed(await approveWithdrawal(merchant.principal, id)));

/** The merchant takes a pending withdrawal back: the same call as POST /api/gateway/withdrawals/{id}/cancel. */
export const cancelWithdrawalAction = dashboardAction(withdrawalIdParams, async ({ id }, merchant) => changed(await cancelWithdrawal(merchant.principal, id)));
