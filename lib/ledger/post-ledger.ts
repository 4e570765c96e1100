import { randomUUID } from 'node:crypto';
import type { Executor } from '@/db/client';
import { ledgerEntries } from '@/db/schema';
import type { CurrencyCode } from '@/lib/currencies/currencies';
import type { LedgerAccount } from './ledger-accounts';

export interface Posting {
  userId: string;
  currency: CurrencyCode;
  /** Why the money moved: deposit_seen, deposit_confirmed, deposit_orphaned, ... */
  reason: string;
  depositId?: string;
  paymentId?: string;
  withdrawalId?: string;
  lines: { account: LedgerAccount; amount: bigint }[];
}

/**
 * Appends one posting to the ledger in the caller's database transaction. Lines must sum to zero (double entry): a
 * posting that does not is a bug and throws before anything is written. Zero lines are dropped.
 */
export async function postLedger(db: Executor, posting: Posting): Promise<string> {
  const sum = posting.lines.reduce((total, line) => total + line.amount, 0n);
  if (sum !== 0n) throw new Error(`Ledger posting ${posting.reason} does not balance: its lines sum to ${sum}`);
  const postingId = randomUUID();
  const lines = posting.lines.filter((line) => line.amount !== 0n);
  if (lines.length === 0) return postingId;
  await db.insert(ledgerEntries).values(
    lines.map((line) => ({
      postingId,
      userId: posting.userId,
      currency: posting.currency,
      account: line.account,
      amount: line.amount,
      reason: posting.reason,
      depositId: posting.depositId,
      paymentId: posting.paymentId,
      withdrawalId: posting.withdrawalId,
    })),
  );
  return postingId;
}

/** A move of `amount` from one account to another: the two lines of the simplest posting. */
export const move = (from: LedgerAccount, to: LedgerAccount, amount: bigint) => [
  { account: from, amount: -amount },
  { account: to, amount },
];
