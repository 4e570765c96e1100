/**
 * A crypto payment's statuses, as the contract names them (crypto_payments.status and the API's `status`). The machine
 * that moves between them is lib/crypto-payments/status.ts. No imports: components, schemas and db/schema read it.
 */
export const CRYPTO_PAYMENT_STATUSES = ['created', 'pending', 'confirming', 'completed', 'expired', 'failed'] as const;
export type CryptoPaymentStatus = (typeof CRYPTO_PAYMENT_STATUSES)[number];
