import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/format/number';
import { MESSAGES } from '@/lib/i18n/messages';

/** Server-side strings of the withdrawals page: the `withdrawals` part of the crypto messages. */
export function withdrawalsTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'crypto.withdrawals' });
}
