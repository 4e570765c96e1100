import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

/** The hosted payment page's strings, translated on the server only: next-intl never reaches the browser. */
export const payTranslator = (locale: Locale) => translator(locale, 'pay');

export type PayTranslator = ReturnType<typeof payTranslator>;

/** `?lang=en` selects English; anything else is the Persian default. */
export const localeFromQuery = (lang: string | string[] | undefined): Locale => (lang === 'en' ? 'en' : 'fa');
