CREATE SEQUENCE "public"."wallet_index_bip44_195" INCREMENT BY 1 MINVALUE 0 MAXVALUE 2147483647 START WITH 0 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."wallet_index_bip44_60" INCREMENT BY 1 MINVALUE 0 MAXVALUE 2147483647 START WITH 0 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."wallet_index_bip84_0" INCREMENT BY 1 MINVALUE 0 MAXVALUE 2147483647 START WITH 0 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."wallet_index_bip84_1" INCREMENT BY 1 MINVALUE 0 MAXVALUE 2147483647 START WITH 0 CACHE 1;--> statement-breakpoint
CREATE SEQUENCE "public"."wallet_index_bip84_2" INCREMENT BY 1 MINVALUE 0 MAXVALUE 2147483647 START WITH 0 CACHE 1;--> statement-breakpoint
CREATE TABLE "crypto_payment_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"payment_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_status" text,
	"to_status" text,
	"actor" text NOT NULL,
	"data" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "crypto_payments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"shop_id" uuid NOT NULL,
	"order_id" text NOT NULL,
	"request_hash" text NOT NULL,
	"currency" text NOT NULL,
	"network" text NOT NULL,
	"chain" text NOT NULL,
	"requested_amount" numeric(78, 0) NOT NULL,
	"received_amount" numeric(78, 0) DEFAULT 0 NOT NULL,
	"amount_usd" numeric(20, 2),
	"amount_irr" bigint,
	"rate_usd" text,
	"rate_irr" text,
	"rate_source" text,
	"rate_at" timestamp with time zone,
	"wallet_address_id" uuid NOT NULL,
	"deposit_address" text NOT NULL,
	"memo" text,
	"status" text DEFAULT 'created' NOT NULL,
	"underpaid" boolean DEFAULT false NOT NULL,
	"overpaid" boolean DEFAULT false NOT NULL,
	"paid_late" boolean DEFAULT false NOT NULL,
	"confirmations" integer DEFAULT 0 NOT NULL,
	"required_confirmations" integer NOT NULL,
	"tx_hash" text,
	"callback_success" text,
	"callback_failed" text,
	"webhook_url" text,
	"expires_at" timestamp with time zone NOT NULL,
	"paid_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "wallet_addresses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network" text NOT NULL,
	"chain" text NOT NULL,
	"address" text NOT NULL,
	"derivation_path" text NOT NULL,
	"address_index" integer NOT NULL,
	"purpose" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "crypto_payment_events" ADD CONSTRAINT "crypto_payment_events_payment_id_crypto_payments_id_fk" FOREIGN KEY ("payment_id") REFERENCES "public"."crypto_payments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crypto_payments" ADD CONSTRAINT "crypto_payments_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crypto_payments" ADD CONSTRAINT "crypto_payments_shop_id_shops_id_fk" FOREIGN KEY ("shop_id") REFERENCES "public"."shops"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crypto_payments" ADD CONSTRAINT "crypto_payments_wallet_address_id_wallet_addresses_id_fk" FOREIGN KEY ("wallet_address_id") REFERENCES "public"."wallet_addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "crypto_payment_events_payment_idx" ON "crypto_payment_events" USING btree ("payment_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "crypto_payments_order_uq" ON "crypto_payments" USING btree ("user_id","order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "crypto_payments_address_uq" ON "crypto_payments" USING btree ("wallet_address_id");--> statement-breakpoint
CREATE INDEX "crypto_payments_user_created_idx" ON "crypto_payments" USING btree ("user_id","created_at","id");--> statement-breakpoint
CREATE INDEX "crypto_payments_user_status_created_idx" ON "crypto_payments" USING btree ("user_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "crypto_payments_shop_created_idx" ON "crypto_payments" USING btree ("shop_id","created_at","id");--> statement-breakpoint
CREATE INDEX "crypto_payments_created_expiry_idx" ON "crypto_payments" USING btree ("expires_at") WHERE status = 'created';--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_addresses_address_uq" ON "wallet_addresses" USING btree ("network","chain","address");--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_addresses_path_uq" ON "wallet_addresses" USING btree ("derivation_path");