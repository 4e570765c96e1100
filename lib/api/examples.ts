/**
 * The sample values /docs shows (zod `.meta(example(...))` in lib/<domain>/schemas.ts). One merchant's one payment,
 * so the ids in every example agree: the transaction names this shop and card, the SMS that paid it names the
 * transaction. No imports: client components load the schema files too.
 */
export const EXAMPLE = {
  userId: 'b3e1c7a2-5d4f-4e8a-9c61-2f0d8e7a4b19',
  shopId: '6f1d2c3b-8a9e-4f70-b1c2-d3e4f5a6b7c8',
  cardId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
  transactionId: 'c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f',
  cryptoPaymentId: '8e7d6c5b-4a39-4281-9f0e-1d2c3b4a5968',
  withdrawalId: '3a2b1c0d-9e8f-4a7b-8c6d-5e4f3a2b1c0d',
  claimId: '2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e',
  deviceId: 'e2f3a4b5-c6d7-4e8f-a9b0-c1d2e3f4a5b6',
  smsId: '1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b',
  senderId: '7c6b5a49-3827-4165-9f4e-3d2c1b0a9f8e',
  webhookId: 'd1c2b3a4-9e8f-4a7b-b6c5-d4e3f2a1b0c9',
  eventId: '5d0f7c1e-2b8e-4a47-9d55-0c1f3b3e8a10',
  deliveryId: '5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d',
  authority: 'hT3kq9Zx2LmP8vR4sW6yB1nC',
  merchantName: 'علی رضایی',
  mobile: '09121234567',
  shopName: 'فروشگاه کتاب رضایی',
  website: 'https://shop.example.ir',
  callbackUrl: 'https://shop.example.ir/kpay/callback',
  webhookUrl: 'https://shop.example.ir/kpay/webhook',
  cardNumber: '6104337812345674',
  maskedCardNumber: '610433******5674',
  sheba: 'IR160120000000001234567890',
  amount: 1250000,
  fee: 12500,
  finalAmount: 1250010,
  createdAt: '2025-11-18T09:20:00.000Z',
  paidAt: '2025-11-18T09:23:41.000Z',
  expiresAt: '2025-11-18T09:35:00.000Z',
  verifiedAt: '2025-11-18T09:24:05.000Z',
  date: '2025-11-01',
} as const;

/** `.meta(example(value))`: the one sample a schema shows. */
export const example = <T>(value: T) => ({ examples: [value] });
