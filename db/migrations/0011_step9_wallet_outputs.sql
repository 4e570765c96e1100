CREATE TABLE "wallet_outputs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network" text NOT NULL,
	"chain" text NOT NULL,
	"tx_hash" text NOT NULL,
	"output_index" integer NOT NULL,
	"wallet_address_id" uuid NOT NULL,
	"amount" numeric(78, 0) NOT NULL,
	"status" text NOT NULL,
	"withdrawal_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "wallet_outputs" ADD CONSTRAINT "wallet_outputs_wallet_address_id_wallet_addresses_id_fk" FOREIGN KEY ("wallet_address_id") REFERENCES "public"."wallet_addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "wallet_outputs" ADD CONSTRAINT "wallet_outputs_withdrawal_id_withdrawals_id_fk" FOREIGN KEY ("withdrawal_id") REFERENCES "public"."withdrawals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "wallet_outputs_outpoint_uq" ON "wallet_outputs" USING btree ("network","chain","tx_hash","output_index");--> statement-breakpoint
CREATE INDEX "wallet_outputs_unspent_idx" ON "wallet_outputs" USING btree ("network","chain","amount") WHERE status = 'unspent';