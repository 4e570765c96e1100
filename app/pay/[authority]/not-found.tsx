import { PayNotFound } from '@/components/pay/pay-not-found';
import { payTranslator } from './pay-translator';

/** An unknown authority. */
export default function PaymentNotFound() {
  const [fa, en] = [payTranslator('fa'), payTranslator('en')];
  return <PayNotFound fa={{ title: fa('notFound.title'), body: fa('notFound.body') }} en={{ title: en('notFound.title'), body: en('notFound.body') }} />;
}
