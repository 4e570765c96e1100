import { formatClock } from '@/lib/format/clock';
import type { Locale } from '@/lib/format/number';

export type CountdownPhase = 'normal' | 'warning' | 'critical';

/** Amber under three minutes, red under one: the ring's colour and the screen-reader warnings follow the same rule. */
export function countdownPhase(remainingSeconds: number): CountdownPhase {
  if (remainingSeconds < 60) return 'critical';
  if (remainingSeconds < 180) return 'warning';
  return 'normal';
}

/** The ring takes the phase's bright colour; the digits a darker shade of it, legible on white (4.5:1 or more). */
const PHASE_CLASSES: Record<CountdownPhase, { ring: string; digits: string }> = {
  normal: { ring: 'text-brand-600', digits: 'text-brand-700' },
  warning: { ring: 'text-amber-500', digits: 'text-amber-700' },
  critical: { ring: 'text-red-600', digits: 'text-red-700' },
};

/** Besides the 3- and 1-minute warnings, the whole minutes at which the time left is announced to screen readers. */
export const ANNOUNCED_MINUTES = [5, 10, 15, 30, 45, 60] as const;

export interface CountdownAnnouncementText {
  threeMinutesLeft: string;
  oneMinuteLeft: string;
  /** "10 minutes left to pay.", for each of ANNOUNCED_MINUTES. */
  minutesLeft: Record<number, string>;
}

/** "N minutes left" for each announced minute, from the page's translator (the pay page translates on the server). */
export const minutesLeftText = (format: (minutes: number) => string): Record<number, string> =>
  Object.fromEntries(ANNOUNCED_MINUTES.map((minutes) => [minutes, format(minutes)]));

/**
 * What the countdown's polite live region says: it changes only when the time left crosses 60, 45, 30, 15, 10 and
 * 5 minutes, then 3 and 1, so a screen reader hears a handful of announcements, never the seconds ticking.
 */
export function countdownAnnouncement(remainingSeconds: number, text: CountdownAnnouncementText): string {
  const phase = countdownPhase(remainingSeconds);
  if (phase === 'critical') return text.oneMinuteLeft;
  if (phase === 'warning') return text.threeMinutesLeft;
  const minutes = ANNOUNCED_MINUTES.find((m) => remainingSeconds <= m * 60);
  return minutes === undefined ? '' : (text.minutesLeft[minutes] ?? '');
}

const LABEL_ID = 'pay-countdown-label';

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
  const colors = PHASE_CLASSES[countdownPhase(remainingSeconds)];
  // role="timer" is never live (a reader would hear every second): PaymentLive announces the time left at intervals.
  return (
    <div role="timer" aria-labelledby={LABEL_ID} className={`flex w-18 flex-col items-center gap-1 ${colors.ring}`}>
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
        <span dir="ltr" className={`relative text-base font-bold tabular-nums ${colors.digits}`}>
          {formatClock(remainingSeconds, locale)}
        </span>
      </span>
      <span id={LABEL_ID} className="text-xs whitespace-nowrap text-ink-500">
        {label}
      </span>
    </div>
  );
}
