/** A warning triangle for a note the buyer must not miss; `className` sizes, places and colours it. */
export function WarningIcon({ className }: { className: string }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={className} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
      <path d="M10 3.5l7 12.5H3z" />
      <path d="M10 8.5v3.5M10 14.2v.1" />
    </svg>
  );
}
