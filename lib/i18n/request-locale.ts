import { cookies } from 'next/headers';
import type { Locale } from '@/lib/format/number';

/** The dashboard's language choice, kept in a cookie for a year; Persian when there is none. */
export const LOCALE_COOKIE = 'kpay_locale';

export const toLocale = (value: string | undefined | null): Locale => (value === 'en' ? 'en' : 'fa');

export async function requestLocale(): Promise<Locale> {
  return toLocale((await cookies()).get(LOCALE_COOKIE)?.value);
}

export const directionOf = (locale: Locale): 'rtl' | 'ltr' => (locale === 'fa' ? 'rtl' : 'ltr');
