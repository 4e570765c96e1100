import Link from 'next/link';
import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/panel';
import type { Locale } from '@/lib/format/number';
import { ListPagination } from './list-pagination';

/** A way out of an empty page: its title, the link's label and where it goes. */
export interface ListWayOut {
  title: string;
  body?: string;
  label: string;
  href: string;
}

/**
 * One page of a dashboard list and what it says when that page is empty: the items with the pagination under them; a
 * page number past the end (an old bookmark, a hand-edited URL) with the way to the first page; filters that match
 * nothing with the way to clear them; or, with nothing at all yet, `empty` (what to do first).
 */
export function PagedList({
  locale,
  list,
  searchParams,
  pastEnd,
  noMatch,
  empty,
  children,
}: {
  locale: Locale;
  /** The page as listed: its number, size and the total; `shown` counts the items on this page. */
  list: { page: number; per_page: number; total: number; shown: number };
  /** The page's other query parameters (filters), kept by the pagination links. */
  searchParams: Record<string, string | undefined>;
  pastEnd: ListWayOut;
  /** What a filtered list with no match says; null when no filter is applied. */
  noMatch: ListWayOut | null;
  empty: ReactNode;
  /** The items of this page. */
  children: ReactNode;
}) {
  const wayOut = ({ title, body, label, href }: ListWayOut) => (
    <EmptyState
      title={title}
      body={body}
      action={
        <Link href={href} className={buttonClass('secondary')}>
          {label}
        </Link>
      }
    />
  );
  if (list.shown > 0) {
    return (
      <>
        {children}
        <ListPagination locale={locale} page={list.page} perPage={list.per_page} total={list.total} searchParams={searchParams} />
      </>
    );
  }
  if (list.total > 0) return wayOut(pastEnd);
  if (noMatch) return wayOut(noMatch);
  return empty;
}
