import type { ReactNode, Ref } from 'react';

const TONES = {
  progress: { icon: 'bg-brand-100 text-brand-700', path: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z' },
  success: { icon: 'bg-brand-100 text-brand-700', path: 'M7 12.5l3.5 3.5L17 8.5' },
  expired: { icon: 'bg-amber-100 text-amber-700', path: 'M12 7v5l3 2M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z' },
  stopped: { icon: 'bg-red-100 text-red-700', path: 'M8.5 8.5l7 7M15.5 8.5l-7 7' },
} as const;

export type StatusTone = keyof typeof TONES;

/**
 * A state of the payment that replaces the instructions (on its way, paid, expired, cancelled, failed): what happened,
 * `children` under it, and the way back to the shop when there is one; `after` holds the line under that button.
 */
export function StatusPanel({
  tone,
  title,
  body,
  action,
  children,
  after,
  headingId,
  headingRef,
}: {
  tone: StatusTone;
  title: string;
  body: string;
  action: { href: string; label: string } | null;
  children?: ReactNode;
  after?: ReactNode;
  /** The heading's id, which also names the section. */
  headingId?: string;
  headingRef?: Ref<HTMLHeadingElement>;
}) {
  const { icon, path } = TONES[tone];
  return (
    <section aria-labelledby={headingId} className="rounded-3xl bg-white px-5 py-8 text-center shadow-sm ring-1 ring-ink-200">
      <span className={`mx-auto grid size-16 place-items-center rounded-full ${icon}`}>
        <svg viewBox="0 0 24 24" aria-hidden="true" className="size-9" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <path d={path} />
        </svg>
      </span>
      {/* tabIndex -1: the page moves focus here when the state changes under a keyboard user. */}
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="mt-5 text-xl font-bold text-ink-950 focus:outline-none">
        {title}
      </h2>
      <p className="mt-3 leading-7 text-ink-700">{body}</p>
      {children}
      {action && (
        <a
          href={action.href}
          className="mt-7 flex min-h-12 items-center justify-center rounded-xl bg-brand-700 px-5 font-semibold text-white shadow-sm transition-colors hover:bg-brand-800"
        >
          {action.label}
        </a>
      )}
      {after}
    </section>
  );
}
