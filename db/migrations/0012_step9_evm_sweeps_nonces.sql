CREATE TABLE "evm_accounts" (
	"network" text NOT NULL,
	"chain" text NOT NULL,
	"address" text NOT NULL,
	"wallet_address_id" uuid NOT NULL,
	"role" text NOT NULL,
	"next_nonce" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "evm_accounts_network_chain_address_pk" PRIMARY KEY("network","chain","address")
);
--> statement-breakpoint
CREATE TABLE "evm_sweeps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"deposit_id" uuid NOT NULL,
	"network" text NOT NULL,
	"chain" text NOT NULL,
	"currency" text NOT NULL,
	"from_address" text NOT NULL,
	"to_address" text NOT NULL,
	"amount" numeric(78, 0) NOT NULL,
	"status" text NOT NULL,
	"gas_price" numeric(78, 0),
	"gas_limit" numeric(78, 0),
	"network_fee" numeric(78, 0),
	"reason" text,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "evm_transactions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"network" text NOT NULL,
	"chain" text NOT NULL,
	"from_address" text NOT NULL,
	"nonce" integer NOT NULL,
	"purpose" text NOT NULL,
	"withdrawal_id" uuid,
	"sweep_id" uuid,
	"to_address" text NOT NULL,
	"value" numeric(78, 0) NOT NULL,
	"token_contract" text,
	"token_amount" numeric(78, 0),
	"gas_limit" numeric(78, 0) NOT NULL,
	"gas_price" numeric(78, 0) NOT NULL,
	"signed_transaction" text NOT NULL,
	"tx_hash" text NOT NULL,
	"status" text DEFAULT 'signed' NOT NULL,
	"block_number" integer,
	"gas_used" numeric(78, 0),
	"network_fee" numeric(78, 0),
	"failure_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "evm_accounts" ADD CONSTRAINT "evm_accounts_wallet_address_id_wallet_addresses_id_fk" FOREIGN KEY ("wallet_address_id") REFERENCES "public"."wallet_addresses"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evm_sweeps" ADD CONSTRAINT "evm_sweeps_deposit_id_crypto_deposits_id_fk" FOREIGN KEY ("deposit_id") REFERENCES "public"."crypto_deposits"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evm_transactions" ADD CONSTRAINT "evm_transactions_withdrawal_id_withdrawals_id_fk" FOREIGN KEY ("withdrawal_id") REFERENCES "public"."withdrawals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evm_transactions" ADD CONSTRAINT "evm_transactions_sweep_id_evm_sweeps_id_fk" FOREIGN KEY ("sweep_id") REFERENCES "public"."evm_sweeps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "evm_accounts_hot_uq" ON "evm_accounts" USING btree ("network","chain") WHERE role = 'hot';--> statement-breakpoint
CREATE UNIQUE INDEX "evm_sweeps_deposit_uq" ON "evm_sweeps" USING btree ("deposit_id");--> statement-breakpoint
CREATE INDEX "evm_sweeps_open_idx" ON "evm_sweeps" USING btree ("network","chain","from_address") WHERE status in ('topping_up', 'sweeping');--> statement-breakpoint
CREATE UNIQUE INDEX "evm_transactions_nonce_uq" ON "evm_transactions" USING btree ("network","chain","from_address","nonce") WHERE status <> 'failed';--> statement-breakpoint
CREATE UNIQUE INDEX "evm_transactions_hash_uq" ON "evm_transactions" USING btree ("network","chain","tx_hash") WHERE status <> 'failed';--> statement-breakpoint
CREATE INDEX "evm_transactions_open_idx" ON "evm_transactions" USING btree ("network","chain","from_address") WHERE status in ('signed', 'broadcast');--> statement-breakpoint
CREATE INDEX "evm_transactions_withdrawal_idx" ON "evm_transactions" USING btree ("withdrawal_id");--> statement-breakpoint
CREATE INDEX "evm_transactions_sweep_idx" ON "evm_transactions" USING btree ("sweep_id");