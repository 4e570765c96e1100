-- Step 10: status-change notifications (LISTEN/NOTIFY) for the event streams.
-- Triggers, not application code, so every path that changes what a buyer sees notifies: the transition helper, the
-- set-based expiry sweeps, the chain watcher. The payload names what changed ("transaction:<authority>",
-- "crypto_payment:<id>"); listeners re-read it. NOTIFY is sent at commit, and never for a rolled-back change.
CREATE FUNCTION kpay_notify_transaction_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kpay_status', 'transaction:' || NEW.authority);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER transactions_status_notify AFTER UPDATE ON transactions FOR EACH ROW
  WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.expires_at IS DISTINCT FROM NEW.expires_at)
  EXECUTE FUNCTION kpay_notify_transaction_status();
--> statement-breakpoint
CREATE FUNCTION kpay_notify_crypto_payment_status() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('kpay_status', 'crypto_payment:' || NEW.id);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER crypto_payments_status_notify AFTER UPDATE ON crypto_payments FOR EACH ROW
  WHEN (
    OLD.status IS DISTINCT FROM NEW.status
    OR OLD.received_amount IS DISTINCT FROM NEW.received_amount
    OR OLD.confirmations IS DISTINCT FROM NEW.confirmations
    OR OLD.underpaid IS DISTINCT FROM NEW.underpaid
    OR OLD.overpaid IS DISTINCT FROM NEW.overpaid
    OR OLD.paid_late IS DISTINCT FROM NEW.paid_late
    OR OLD.tx_hash IS DISTINCT FROM NEW.tx_hash
    OR OLD.paid_at IS DISTINCT FROM NEW.paid_at
    OR OLD.expires_at IS DISTINCT FROM NEW.expires_at
  )
  EXECUTE FUNCTION kpay_notify_crypto_payment_status();
