import { formatClock } from '@/lib/format/clock';
import type { Locale } from '@/lib/format/number';

export type CountdownPhase = 'normal' | 'warning' | 'critical';

/** Amber under three minutes, red under one: the ring's colour and the screen-reader warnings follow the same rule. */
export function countdownPhase(remainingSeconds: number): CountdownPhase {
  if (remainingSeconds < 60) return 'critical';
  if (remainingSeconds < 180) return 'warning';
  return 'normal';
}

const PHASE_CLASSES: Record<CountdownPhase, string> = {
  normal: 'text-brand-600',
  warning: 'text-amber-500',
  critical: 'text-red-600',
};

const RADIUS = 28;
const CIRCUMFERENCE = 2 * Math.PI * RADIUS;

/** The time left as mm:ss inside a ring that empties as the payment window closes. */
export function CountdownRing({
  remainingSeconds,
  totalSeconds,
  locale,
  label,
}: {
  remainingSeconds: number;
  totalSeconds: number;
  locale: Locale;
  label: string;
}) {
  const fraction = Math.min(1, Math.max(0, remainingSeconds / Math.max(1, totalSeconds)));
  return (
    <div role="timer" className={`flex w-18 flex-col items-center gap-1 ${PHASE_CLASSES[countdownPhase(remainingSeconds)]}`}>
      <span className="relative grid size-17 place-items-center">
        <svg viewBox="0 0 64 64" aria-hidden="true" className="absolute inset-0 size-full -rotate-90">
          <circle cx="32" cy="32" r={RADIUS} fill="none" strokeWidth="5" className="stroke-ink-100" />
          <circle
            cx="32"
            cy="32"
            r={RADIUS}
            fill="none"
            stroke="currentColor"
            strokeWidth="5"
            strokeLinecap="round"
            strokeDasharray={CIRCUMFERENCE}
            strokeDashoffset={CIRCUMFERENCE * (1 - fraction)}
            className="transition-[stroke-dashoffset,color] duration-1000 ease-linear motion-reduce:transition-none"
          />
        </svg>
        <span dir="ltr" className="relative text-base font-bold tabular-nums">
          {formatClock(remainingSeconds, locale)}
        </span>
      </span>
      <span className="text-xs whitespace-nowrap text-ink-500">{label}</span>
    </div>
  );
}
