import Link from 'next/link';

/** "‹ All transactions": the way up from a detail page; the chevron points backwards in either direction. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <Link href={href} className="mb-3 inline-flex min-h-9 items-center gap-1 rounded-lg text-sm font-medium text-ink-600 hover:text-brand-800">
      <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4 rtl:-scale-x-100" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
        <path d="M12 5l-5 5 5 5" />
      </svg>
      {label}
    </Link>
  );
}
