'use server';

import { cookies } from 'next/headers';
import { LOCALE_COOKIE, toLocale } from './request-locale';

/** The language switch's form action: remembers the choice for a year; Next re-renders the page in it. */
export async function switchLocale(form: FormData): Promise<void> {
  const locale = toLocale(String(form.get('locale')));
  (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 24 * 60 * 60, sameSite: 'lax', httpOnly: true });
}
