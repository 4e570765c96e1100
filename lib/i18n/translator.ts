import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/format/number';
import { MESSAGES, type Namespace } from './messages';

/** Server-side strings for one area in one language (next-intl's translator; nothing of it reaches the browser). */
export function translator<N extends Namespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace });
}
