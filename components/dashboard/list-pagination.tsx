import { Pagination } from '@/components/ui/pagination';
import { formatNumber, type Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';

/** The dashboard's previous / next links under a list, labelled in the page's language and digits ("Page 2 of 7"). */
export function ListPagination({
  locale,
  page,
  perPage,
  total,
  searchParams,
}: {
  locale: Locale;
  page: number;
  perPage: number;
  total: number;
  /** The page's other query parameters (filters), kept by the links. */
  searchParams: Record<string, string | undefined>;
}) {
  const tc = translator(locale, 'common');
  const pages = Math.max(1, Math.ceil(total / perPage));
  return (
    <Pagination
      page={page}
      perPage={perPage}
      total={total}
      searchParams={searchParams}
      text={{
        previous: tc('previous'),
        next: tc('next'),
        position: tc('pageOf', { page: formatNumber(page, locale), pages: formatNumber(pages, locale) }),
      }}
    />
  );
}
