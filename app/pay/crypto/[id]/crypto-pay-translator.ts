import type { Locale } from '@/lib/format/number';
import { toLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';

/** The hosted crypto page's strings, translated on the server only: next-intl never reaches the browser. */
export const cryptoPayTranslator = (locale: Locale) => translator(locale, 'cryptoPay');

export type CryptoPayTranslator = ReturnType<typeof cryptoPayTranslator>;

/**
 * `?lang=en` or `?lang=fa` chooses; without it the language cookie (the dashboard's switch, so a merchant testing
 * their own checkout reads it in their language); Persian otherwise.
 */
export function cryptoPayLocale(lang: string | string[] | undefined, cookie: string | undefined): Locale {
  if (lang === 'en' || lang === 'fa') return lang;
  return toLocale(cookie);
}
