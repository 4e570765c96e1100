/**
 * Why a deposit SMS waits for the merchant instead of paying automatically (sms_messages.review_reason). Each one is a
 * way a buyer could otherwise get goods without paying, or a payment be credited to the wrong order.
 */
export const REVIEW_REASONS = [
  // The sender is a person's mobile number: anyone can text the merchant's phone "واریز ... مبلغ N ریال".
  'personal_sender',
  // A sender the merchant has not trusted on this phone yet (one tap: trust and apply).
  'untrusted_sender',
  // The merchant blocked this sender: stored, never applied.
  'blocked_sender',
  // The SMS names a card or account that is not the transaction's card.
  'destination_mismatch',
  // The phone gave no usable stamp, or one in the future or far in the past: the deposit's time is unknown.
  'unreliable_stamp',
  // The amount has no unit of its own and was read as Toman from other words: it might be ten times off.
  'amount_unit_guessed',
] as const;

export type ReviewReason = (typeof REVIEW_REASONS)[number];
