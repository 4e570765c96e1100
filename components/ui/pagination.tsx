import Link from 'next/link';
import { buttonClass } from './button';

export interface PaginationText {
  previous: string;
  next: string;
  /** "Page 2 of 7", already in the page's digits. */
  position: string;
}

/**
 * Previous / next links that keep the page's other query parameters (filters). Plain links: they work without
 * JavaScript and can be bookmarked.
 */
export function Pagination({
  page,
  perPage,
  total,
  searchParams,
  text,
}: {
  page: number;
  perPage: number;
  total: number;
  searchParams: Record<string, string | undefined>;
  text: PaginationText;
}) {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (pages <= 1) return null;
  const href = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(searchParams)) if (value && key !== 'page') params.set(key, value);
    if (target > 1) params.set('page', String(target));
    const query = params.toString();
    return query ? `?${query}` : '?';
  };
  const link = (target: number, label: string, rel: 'prev' | 'next') =>
    target < 1 || target > pages ? (
      <span aria-disabled="true" className={buttonClass('secondary', 'sm', 'pointer-events-none opacity-50')}>
        {label}
      </span>
    ) : (
      <Link href={href(target)} rel={rel} className={buttonClass('secondary', 'sm')}>
        {label}
      </Link>
    );
  return (
    <nav aria-label={text.position} className="flex items-center justify-between gap-3 pt-4">
      {link(page - 1, text.previous, 'prev')}
      <span className="text-sm text-ink-600">{text.position}</span>
      {link(page + 1, text.next, 'next')}
    </nav>
  );
}
