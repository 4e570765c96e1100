CREATE TABLE "transaction_counts" (
	"user_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"status" text NOT NULL,
	"count" bigint NOT NULL,
	CONSTRAINT "transaction_counts_user_id_shop_id_status_pk" PRIMARY KEY("user_id","shop_id","status")
);
--> statement-breakpoint
CREATE TABLE "transaction_daily_totals" (
	"user_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"day" date NOT NULL,
	"created" integer DEFAULT 0 NOT NULL,
	"created_paid" integer DEFAULT 0 NOT NULL,
	"paid_count" integer DEFAULT 0 NOT NULL,
	"paid_volume" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "transaction_daily_totals_user_id_shop_id_day_pk" PRIMARY KEY("user_id","shop_id","day")
);
--> statement-breakpoint
ALTER TABLE "transaction_counts" ADD CONSTRAINT "transaction_counts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_counts" ADD CONSTRAINT "transaction_counts_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_daily_totals" ADD CONSTRAINT "transaction_daily_totals_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "transaction_daily_totals" ADD CONSTRAINT "transaction_daily_totals_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- What one transaction adds to its merchant's daily totals (transaction_daily_totals): a creation on its Tehran day,
-- and, when paid (status paid or verified: PAID_STATUSES in lib/transactions/status.ts), a payment on the Tehran day
-- of paid_at. The triggers below and the backfill both read it, so the rule is written once.
CREATE FUNCTION transaction_day_totals(created_at timestamptz, paid_at timestamptz, status text, final_amount bigint)
RETURNS TABLE (day date, created integer, created_paid integer, paid_count integer, paid_volume bigint)
LANGUAGE sql STABLE AS $$
  SELECT (created_at AT TIME ZONE 'Asia/Tehran')::date, 1, (status IN ('paid', 'verified'))::integer, 0, 0::bigint
  UNION ALL
  SELECT (paid_at AT TIME ZONE 'Asia/Tehran')::date, 0, 0, 1, final_amount
  WHERE status IN ('paid', 'verified') AND paid_at IS NOT NULL
$$;
--> statement-breakpoint
-- One statement-level function for insert, update and delete: the rows a statement added count +1, the rows it
-- removed -1 (an update is both), summed per key so an update that changes none of the counted columns writes nothing.
-- Statement-level with transition tables, so a bulk insert (the benchmark's million-row seed) or the set-based expiry
-- sweep adds up its rows once instead of once per row. Runs inside the writing statement's database transaction.
-- Keys whose user or shop is gone (a merchant deleted, its transactions cascading) are skipped: their rows went too.
CREATE FUNCTION transactions_keep_totals() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS sign FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS sign FROM old_rows'
    ELSE 'SELECT *, 1 AS sign FROM new_rows UNION ALL SELECT *, -1 AS sign FROM old_rows'
  END;
BEGIN
  EXECUTE format($q$
    INSERT INTO transaction_counts AS c (user_id, shop_id, status, count)
    SELECT user_id, shop_id, status, sum(sign) FROM (%s) AS changes
    WHERE EXISTS (SELECT 1 FROM users WHERE users.id = changes.user_id)
      AND EXISTS (SELECT 1 FROM shops WHERE shops.id = changes.shop_id)
    GROUP BY user_id, shop_id, status
    HAVING sum(sign) <> 0
    ORDER BY user_id, shop_id, status
    ON CONFLICT (user_id, shop_id, status) DO UPDATE SET count = c.count + excluded.count$q$, changes);
  EXECUTE format($q$
    INSERT INTO transaction_daily_totals AS d (user_id, shop_id, day, created, created_paid, paid_count, paid_volume)
    SELECT user_id, shop_id, t.day, sum(sign * t.created), sum(sign * t.created_paid), sum(sign * t.paid_count),
      sum(sign * t.paid_volume)
    FROM (%s) AS changes
    CROSS JOIN LATERAL transaction_day_totals(changes.created_at, changes.paid_at, changes.status, changes.final_amount) AS t
    WHERE EXISTS (SELECT 1 FROM users WHERE users.id = changes.user_id)
      AND EXISTS (SELECT 1 FROM shops WHERE shops.id = changes.shop_id)
    GROUP BY user_id, shop_id, t.day
    HAVING sum(sign * t.created) <> 0 OR sum(sign * t.created_paid) <> 0 OR sum(sign * t.paid_count) <> 0
      OR sum(sign * t.paid_volume) <> 0
    ORDER BY user_id, shop_id, t.day
    ON CONFLICT (user_id, shop_id, day) DO UPDATE SET
      created = d.created + excluded.created, created_paid = d.created_paid + excluded.created_paid,
      paid_count = d.paid_count + excluded.paid_count, paid_volume = d.paid_volume + excluded.paid_volume$q$, changes);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER transactions_totals_insert AFTER INSERT ON transactions
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION transactions_keep_totals();
--> statement-breakpoint
CREATE TRIGGER transactions_totals_update AFTER UPDATE ON transactions
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION transactions_keep_totals();
--> statement-breakpoint
CREATE TRIGGER transactions_totals_delete AFTER DELETE ON transactions
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION transactions_keep_totals();
--> statement-breakpoint
-- The transactions already there.
INSERT INTO transaction_counts (user_id, shop_id, status, count)
SELECT user_id, shop_id, status, count(*) FROM transactions GROUP BY user_id, shop_id, status;
--> statement-breakpoint
INSERT INTO transaction_daily_totals (user_id, shop_id, day, created, created_paid, paid_count, paid_volume)
SELECT tx.user_id, tx.shop_id, t.day, sum(t.created), sum(t.created_paid), sum(t.paid_count), sum(t.paid_volume)
FROM transactions AS tx
CROSS JOIN LATERAL transaction_day_totals(tx.created_at, tx.paid_at, tx.status, tx.final_amount) AS t
GROUP BY tx.user_id, tx.shop_id, t.day;
