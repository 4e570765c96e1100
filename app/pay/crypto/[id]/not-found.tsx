import { PayNotFound } from '@/components/pay/pay-not-found';
import { cryptoPayTranslator } from './crypto-pay-translator';

/** An unknown payment id. */
export default function CryptoPaymentNotFound() {
  const [fa, en] = [cryptoPayTranslator('fa'), cryptoPayTranslator('en')];
  return <PayNotFound fa={{ title: fa('notFound.title'), body: fa('notFound.body') }} en={{ title: en('notFound.title'), body: en('notFound.body') }} />;
}
