import type { Locale } from '@/lib/format/number';

const LANGUAGES: { locale: Locale; name: string }[] = [
  { locale: 'fa', name: 'فارسی' },
  { locale: 'en', name: 'English' },
];

/** Who is being paid and for what, with the Persian/English switch (a plain link: the page is rendered per language). */
export function PayHeader({
  authority,
  locale,
  shopName,
  description,
  factorNumber,
  text,
  languageHref,
}: {
  authority: string;
  locale: Locale;
  shopName: string;
  description: string | null;
  factorNumber: string | null;
  text: { tagline: string; languages: string; payTo: string; factorNumber: string };
  /** Where each language's link goes; by default this card payment's page, Persian without a query and `?lang=en`. */
  languageHref?: (locale: Locale) => string;
}) {
  const path = `/pay/${encodeURIComponent(authority)}`;
  const hrefOf = languageHref ?? ((language: Locale) => (language === 'fa' ? path : `${path}?lang=en`));
  return (
    <header>
      <div className="flex items-center justify-between gap-3">
        <p className="flex min-w-0 items-center gap-2 text-sm text-ink-500">
          <span lang="en" dir="ltr" className="rounded-lg bg-brand-700 px-2 py-1 text-xs font-bold text-white">
            KPay
          </span>
          <span className="truncate">{text.tagline}</span>
        </p>
        <nav aria-label={text.languages} className="flex shrink-0 rounded-xl bg-white p-1 text-sm ring-1 ring-ink-200">
          {LANGUAGES.map((language) => (
            <a
              key={language.locale}
              href={hrefOf(language.locale)}
              lang={language.locale}
              hrefLang={language.locale}
              aria-current={language.locale === locale ? 'true' : undefined}
              className="flex min-h-11 items-center rounded-lg px-3 font-medium text-ink-600 hover:text-ink-950 aria-[current]:bg-brand-700 aria-[current]:text-white"
            >
              {language.name}
            </a>
          ))}
        </nav>
      </div>
      <div className="mt-4">
        <p className="text-sm text-ink-500">{text.payTo}</p>
        <h1 className="mt-0.5 text-2xl leading-snug font-extrabold break-words text-ink-950">{shopName}</h1>
        {(description || factorNumber) && (
          <p className="mt-1 text-sm leading-6 text-ink-600">
            {description}
            {description && factorNumber && <span aria-hidden="true"> · </span>}
            {factorNumber && (
              <span className="whitespace-nowrap">
                {text.factorNumber}: <bdi className="font-medium text-ink-800">{factorNumber}</bdi>
              </span>
            )}
          </p>
        )}
      </div>
    </header>
  );
}
