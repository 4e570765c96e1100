'use server';

import { revalidatePath } from 'next/cache';
import { dashboardAction } from '@/lib/dashboard/dashboard-action';
import { cancelTransaction, confirmTransaction } from '@/lib/transactions/change-transaction-status';
import { transactionIdParams } from '@/lib/transactions/schemas';

// A status change shows on this page, the list and the overview's figures: every dashboard page is redrawn.
const changed = (status: string) => {
  revalidatePath('/dashboard', 'layout');
  return { status };
};

/** The merchant saw the money arrive: the same call as POST /api/transactions/{id}/confirm. */
export const confirmTransactionAction = dashboardAction(transactionIdParams, async ({ id }, merchant) =>
  changed((await confirmTransaction(merchant.principal, id)).status),
);

/** The merchant calls the payment off: the same call as POST /api/transactions/{id}/cancel. */
export const cancelTransactionAction = dashboardAction(transactionIdParams, async ({ id }, merchant) =>
  changed((await cancelTransaction(merchant.principal, id)).status),
);
