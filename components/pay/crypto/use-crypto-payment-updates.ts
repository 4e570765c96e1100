import { useLiveStatus } from '../use-live-status';
import { EXPIRED_POLL_MS, OPEN_POLL_MS } from '../use-visible-polling';
import { type CryptoPaymentStateFields, type PollMode, stateSignature } from './crypto-payment-state';

/**
 * Follows a crypto payment through the public status API (GET /api/gateway/payments/{id}) while the tab is visible:
 * its event stream, or, when the stream fails, polls every few seconds while it is open and gently once expired
 * (useLiveStatus); never after completed or failed. Calls `onChange` whenever an answer differs from `signature` (what
 * the page on screen shows). Returns a function that polls right now (nothing while the stream delivers).
 */
export function useCryptoPaymentUpdates(id: string, { signature, mode, onChange }: { signature: string; mode: PollMode; onChange: () => void }) {
  const status = `/api/gateway/payments/${encodeURIComponent(id)}`;
  return useLiveStatus(mode === 'final' ? null : { events: `${status}/events`, poll: status }, mode === 'open' ? OPEN_POLL_MS : EXPIRED_POLL_MS, {
    onAnswer: (body) => {
      if (stateSignature(body as CryptoPaymentStateFields) !== signature) onChange();
    },
  });
}
