'use client';

import { useRouter } from 'next/navigation';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useRef, useState, useTransition } from 'react';
import type { Locale } from '@/lib/format/number';
import { type CountdownAnnouncementText, CountdownRing, countdownAnnouncement } from '../countdown-ring';
import { asksForPayment, type CryptoPaymentView, pollMode, STATUS_HEADING_ID } from './crypto-payment-state';
import { useCryptoPaymentUpdates } from './use-crypto-payment-updates';

const SecondsLeft = createContext<number | null>(null);

/**
 * The live part of the hosted crypto page, its one client island around content rendered on the server. It counts the
 * time left down, follows the public status API (its event stream, or polling), and when the payment changed asks
 * the server to render the page again (router.refresh(): the texts and the callback URL come from the server, so the
 * browser needs none of them). It says what changed to screen readers: a new state, or the time left at a few points,
 * never every second.
 */
export function CryptoPaymentLive({
  id,
  view,
  signature,
  remainingSeconds,
  countdownText,
  statusAnnouncement,
  children,
}: {
  id: string;
  view: CryptoPaymentView;
  /** stateSignature() of the payment this rendering shows. */
  signature: string;
  remainingSeconds: number;
  countdownText: CountdownAnnouncementText;
  /** What a screen reader hears when the page moves to this state (its title, with the confirmations). */
  statusAnnouncement: string;
  children: ReactNode;
}) {
  const router = useRouter();
  const [refreshing, startRefresh] = useTransition();
  const counting = asksForPayment(view);
  // The seconds counted down from the remainingSeconds of the rendering on screen; a fresh rendering from the server
  // brings a fresh value, and the count starts again from it.
  const [tick, setTick] = useState({ from: remainingSeconds, left: remainingSeconds });
  const left = tick.from === remainingSeconds ? tick.left : remainingSeconds;

  const refresh = useCallback(() => {
    if (!refreshing) startRefresh(() => router.refresh());
  }, [refreshing, router]);
  const pollNow = useCryptoPaymentUpdates(id, { signature, mode: pollMode(view), onChange: refresh });

  useEffect(() => {
    if (!counting || remainingSeconds <= 0) return;
    // Counting towards a deadline rather than decrementing keeps the clock right when timers are throttled.
    const deadline = Date.now() + remainingSeconds * 1000;
    const ticker = window.setInterval(() => {
      const next = Math.max(0, Math.ceil((deadline - Date.now()) / 1000));
      setTick({ from: remainingSeconds, left: next });
      if (next === 0) {
        window.clearInterval(ticker);
        // The server now reads the payment as expired (or it arrived at the last second): ask at once.
        pollNow();
      }
    }, 1000);
    return () => window.clearInterval(ticker);
  }, [counting, remainingSeconds, pollNow]);

  // Only changes are announced (what the page said when it loaded is on screen already): a new state, or the time
  // left crossing one of the announced marks.
  const countdown = counting ? countdownAnnouncement(left, countdownText) : '';
  const [spoken, setSpoken] = useState({ countdown, statusAnnouncement, message: '' });
  if (spoken.countdown !== countdown || spoken.statusAnnouncement !== statusAnnouncement) {
    const message = statusAnnouncement !== spoken.statusAnnouncement ? statusAnnouncement : countdown || spoken.message;
    setSpoken({ countdown, statusAnnouncement, message });
  }

  const firstView = useRef(view);
  useEffect(() => {
    // The instructions may just have vanished with the focus in them (a copy button): land on the new state's title.
    if (view !== firstView.current && (document.activeElement === document.body || document.activeElement === null)) {
      document.getElementById(STATUS_HEADING_ID)?.focus();
    }
  }, [view]);

  return (
    <SecondsLeft.Provider value={counting && remainingSeconds > 0 ? left : null}>
      <p aria-live="polite" className="sr-only">
        {spoken.message}
      </p>
      {children}
    </SecondsLeft.Provider>
  );
}

/** The countdown ring, fed by the island's clock; renders nothing where the page is not counting. */
export function CryptoCountdown({ totalSeconds, locale, label }: { totalSeconds: number; locale: Locale; label: string }) {
  const left = useContext(SecondsLeft);
  if (left === null) return null;
  return <CountdownRing remainingSeconds={left} totalSeconds={totalSeconds} locale={locale} label={label} />;
}
