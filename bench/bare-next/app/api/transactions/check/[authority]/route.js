import { effectiveStatus, notFound, remainingSeconds, sql } from '../../../../db';

const AUTHORITY = /^[A-Za-z0-9_-]{20,64}$/;

/** KPay's check: the same statement (prepared, as KPay's), the same answer. */
export async function GET(_request, { params }) {
  const { authority } = await params;
  if (!AUTHORITY.test(authority)) return notFound();
  const [row] = await sql`select "status", "expires_at" as "expiresAt" from "transactions" where "transactions"."authority" = ${authority} limit 1`;
  if (!row) return notFound();
  const status = effectiveStatus(row);
  return Response.json({ authority, status, is_paid: status === 'paid' || status === 'verified', remaining_seconds: remainingSeconds(row) });
}
