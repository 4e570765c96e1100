import type { ReactNode } from 'react';

/** One term and its value on a detail page: a <div> directly inside the <dl>, the only wrapper HTML allows there. */
export function DetailRow({ label, children, className = '' }: { label: ReactNode; children: ReactNode; className?: string }) {
  return (
    <div className={`min-w-0 ${className}`}>
      <dt className="text-xs text-ink-500">{label}</dt>
      <dd className="mt-0.5 text-sm break-words text-ink-900">{children}</dd>
    </div>
  );
}
