import { createTranslator } from 'next-intl';
import type { Locale } from '@/lib/format/number';
import enMessages from '@/messages/en.json';
import faMessages from '@/messages/fa.json';

// Typed as the Persian file, so a key missing from the English one fails the type check.
const MESSAGES: Record<Locale, typeof faMessages> = { fa: faMessages, en: enMessages };

/** The hosted payment page's strings, translated on the server only: next-intl never reaches the browser. */
export function payTranslator(locale: Locale) {
  return createTranslator({ locale, messages: MESSAGES[locale], namespace: 'pay' });
}

export type PayTranslator = ReturnType<typeof payTranslator>;

/** `?lang=en` selects English; anything else is the Persian default. */
export const localeFromQuery = (lang: string | string[] | undefined): Locale => (lang === 'en' ? 'en' : 'fa');
