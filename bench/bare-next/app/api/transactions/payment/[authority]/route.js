import { effectiveStatus, notFound, remainingSeconds, sql } from '../../../../db';

const AUTHORITY = /^[A-Za-z0-9_-]{20,64}$/;
// Only the benchmark card's bank; lib/banking/banks.ts has the full table.
const BANKS = { mellat: { nameFa: 'بانک ملت', nameEn: 'Mellat' } };

/** KPay's payment info: the same three-table join by authority (every column of the transaction and card, as KPay reads them). */
export async function GET(_request, { params }) {
  const { authority } = await params;
  if (!AUTHORITY.test(authority)) return notFound();
  const [row] = await sql`select "transactions"."id", "transactions"."user_id", "transactions"."shop_id", "transactions"."card_id",
      "transactions"."authority", "transactions"."amount", "transactions"."fee", "transactions"."fee_side",
      "transactions"."amount_offset", "transactions"."final_amount", "transactions"."status", "transactions"."paid_late",
      "transactions"."paid_via", "transactions"."callback_url", "transactions"."description", "transactions"."factor_number",
      "transactions"."expires_at", "transactions"."paid_at", "transactions"."verified_at", "transactions"."closed_at",
      "transactions"."created_at", "transactions"."updated_at",
      "cards"."id" as "card_id", "cards"."user_id" as "card_user_id", "cards"."card_number", "cards"."owner_name", "cards"."bank_code",
      "cards"."sheba", "cards"."is_active", "cards"."deleted_at", "cards"."created_at" as "card_created_at",
      "cards"."updated_at" as "card_updated_at", "shops"."name" as "shop_name"
    from "transactions"
    inner join "cards" on "cards"."id" = "transactions"."card_id"
    inner join "shops" on "shops"."id" = "transactions"."shop_id"
    where "transactions"."authority" = ${authority} limit 1`;
  if (!row) return notFound();
  const tx = { status: row.status, expiresAt: row.expires_at };
  const bank = BANKS[row.bank_code];
  return Response.json({
    authority: row.authority,
    amount: Number(row.amount),
    final_amount: Number(row.final_amount),
    fee: Number(row.fee),
    fee_side: row.fee_side,
    status: effectiveStatus(tx),
    card_number: row.card_number,
    owner_name: row.owner_name,
    bank_name: bank?.nameFa ?? '',
    bank_name_en: bank?.nameEn ?? '',
    shop_name: row.shop_name,
    description: row.description,
    factor_number: row.factor_number,
    remaining_seconds: remainingSeconds(tx),
    expires_at: row.expires_at.toISOString(),
  });
}
