CREATE TABLE "sms_senders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"device_id" uuid NOT NULL,
	"sender" text NOT NULL,
	"trust" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "transactions_pending_amount_uq";--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "webhook_secret_ciphertext" text;--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "webhook_secret_hint" text;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD COLUMN "stamp_adjusted" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD COLUMN "content_key" text;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD COLUMN "duplicate_of_id" uuid;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD COLUMN "destination" text;--> statement-breakpoint
ALTER TABLE "sms_messages" ADD COLUMN "review_reason" text;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "amount_held" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "transactions" ADD COLUMN "amount_held_until" timestamp with time zone;--> statement-breakpoint
-- Rows that already left pending give their amounts back at once (before this step they were free already).
UPDATE "transactions" SET "amount_held" = false WHERE "status" <> 'pending';--> statement-breakpoint
ALTER TABLE "sms_senders" ADD CONSTRAINT "sms_senders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_senders" ADD CONSTRAINT "sms_senders_device_id_sms_devices_id_fk" FOREIGN KEY ("device_id") REFERENCES "public"."sms_devices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sms_senders_device_sender_uq" ON "sms_senders" USING btree ("device_id","sender");--> statement-breakpoint
CREATE INDEX "sms_senders_user_idx" ON "sms_senders" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sms_messages_content_idx" ON "sms_messages" USING btree ("user_id","content_key","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "transactions_held_amount_uq" ON "transactions" USING btree ("user_id","final_amount") WHERE amount_held;--> statement-breakpoint
CREATE INDEX "transactions_amount_release_idx" ON "transactions" USING btree ("amount_held_until") WHERE amount_held;