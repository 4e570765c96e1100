import type { Locale } from '@/lib/format/number';
import { switchLocale } from '@/lib/i18n/switch-locale';
import { translator } from '@/lib/i18n/translator';

/** فارسی | English: a plain form, so it works before (and without) JavaScript. */
export function LanguageSwitch({ locale }: { locale: Locale }) {
  const t = translator(locale, 'common');
  const other: Locale = locale === 'fa' ? 'en' : 'fa';
  return (
    <form action={switchLocale}>
      <input type="hidden" name="locale" value={other} />
      <button
        type="submit"
        lang={other}
        aria-label={`${t('language')}: ${t(`languages.${other}`)}`}
        className="inline-flex min-h-9 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-ink-700 hover:bg-ink-100"
      >
        <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.6">
          <circle cx="10" cy="10" r="7.5" />
          <path d="M2.5 10h15M10 2.5c2.2 2.3 2.2 12.7 0 15M10 2.5c-2.2 2.3-2.2 12.7 0 15" />
        </svg>
        {t(`languages.${other}`)}
      </button>
    </form>
  );
}
