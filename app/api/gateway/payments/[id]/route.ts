import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { readCryptoPayment } from '@/lib/crypto-payments/get-crypto-payment';
import { cryptoPaymentOperations } from '@/lib/crypto-payments/operations';

export const GET = apiRoute(cryptoPaymentOperations.getCryptoPayment, ({ principal, params }) => readCryptoPayment(principal, params.id));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(cryptoPaymentOperations.getCryptoPayment);
