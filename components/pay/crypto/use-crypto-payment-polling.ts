import { EXPIRED_POLL_MS, OPEN_POLL_MS, useVisiblePolling } from '../use-visible-polling';
import { type CryptoPaymentStateFields, type PollMode, stateSignature } from './crypto-payment-state';

/**
 * Follows a crypto payment through the public status API (GET /api/gateway/payments/{id}) while the tab is visible:
 * every few seconds while it is open, gently once expired, never after completed or failed. Calls `onChange` whenever
 * the answer differs from `signature` (what the page on screen shows). Returns a function that polls right now.
 */
export function useCryptoPaymentPolling(id: string, { signature, mode, onChange }: { signature: string; mode: PollMode; onChange: () => void }) {
  return useVisiblePolling(mode === 'final' ? null : `/api/gateway/payments/${encodeURIComponent(id)}`, mode === 'open' ? OPEN_POLL_MS : EXPIRED_POLL_MS, {
    onAnswer: (body) => {
      if (stateSignature(body as CryptoPaymentStateFields) !== signature) onChange();
    },
  });
}
