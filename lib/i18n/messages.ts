import enAuth from '@/messages/en/auth.json';
import enCards from '@/messages/en/cards.json';
import enCommon from '@/messages/en/common.json';
import enCrypto from '@/messages/en/crypto.json';
import enCryptoPay from '@/messages/en/crypto-pay.json';
import enNav from '@/messages/en/nav.json';
import enOverview from '@/messages/en/overview.json';
import enPay from '@/messages/en/pay.json';
import enShops from '@/messages/en/shops.json';
import enSms from '@/messages/en/sms.json';
import enTransactions from '@/messages/en/transactions.json';
import faAuth from '@/messages/fa/auth.json';
import faCards from '@/messages/fa/cards.json';
import faCommon from '@/messages/fa/common.json';
import faCrypto from '@/messages/fa/crypto.json';
import faCryptoPay from '@/messages/fa/crypto-pay.json';
import faNav from '@/messages/fa/nav.json';
import faOverview from '@/messages/fa/overview.json';
import faPay from '@/messages/fa/pay.json';
import faShops from '@/messages/fa/shops.json';
import faSms from '@/messages/fa/sms.json';
import faTransactions from '@/messages/fa/transactions.json';
import type { Locale } from '@/lib/format/number';

// One file per page area and language (messages/<locale>/<namespace>.json), so areas are edited independently.
const fa = {
  common: faCommon,
  nav: faNav,
  auth: faAuth,
  overview: faOverview,
  shops: faShops,
  cards: faCards,
  transactions: faTransactions,
  sms: faSms,
  pay: faPay,
  crypto: faCrypto,
  cryptoPay: faCryptoPay,
};

/** Persian is the reference: typing English as the same shape makes a key missing from English fail the type check. */
export type Messages = typeof fa;
export type Namespace = keyof Messages;

const en: Messages = {
  common: enCommon,
  nav: enNav,
  auth: enAuth,
  overview: enOverview,
  shops: enShops,
  cards: enCards,
  transactions: enTransactions,
  sms: enSms,
  pay: enPay,
  crypto: enCrypto,
  cryptoPay: enCryptoPay,
};

export const MESSAGES: Record<Locale, Messages> = { fa, en };

/** What the dashboard's client components may translate: everything but the hosted pay pages' strings. */
export function dashboardMessages(locale: Locale): Omit<Messages, 'pay' | 'cryptoPay'> {
  const { common, nav, auth, overview, shops, cards, transactions, sms, crypto } = MESSAGES[locale];
  return { common, nav, auth, overview, shops, cards, transactions, sms, crypto };
}
