import { eventStreamRoute } from '@/lib/api/event-stream-route';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { followCryptoPaymentStatus } from '@/lib/crypto-payments/follow-crypto-payment-status';
import { cryptoPaymentOperations } from '@/lib/crypto-payments/operations';

export const GET = eventStreamRoute(cryptoPaymentOperations.followCryptoPaymentStatus, ({ params, ...stream }) =>
  followCryptoPaymentStatus(params.id, stream),
);

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(cryptoPaymentOperations.followCryptoPaymentStatus);
