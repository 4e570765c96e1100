import { answerWithStatus, apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { createCryptoPayment } from '@/lib/crypto-payments/create-crypto-payment';
import { listCryptoPayments } from '@/lib/crypto-payments/list-crypto-payments';
import { cryptoPaymentOperations } from '@/lib/crypto-payments/operations';

export const GET = apiRoute(cryptoPaymentOperations.listCryptoPayments, ({ principal, query }) => listCryptoPayments(principal, query));

export const POST = apiRoute(cryptoPaymentOperations.createCryptoPayment, async ({ principal, body }) => {
  const { payment, replayed } = await createCryptoPayment(principal, body);
  return answerWithStatus(payment, replayed ? 200 : 201);
});

export const { PUT, PATCH, DELETE, OPTIONS } = otherMethods(cryptoPaymentOperations.listCryptoPayments, cryptoPaymentOperations.createCryptoPayment);
