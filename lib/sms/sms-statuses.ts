/** What became of a forwarded SMS (sms_messages.match_status). No imports: components read it too. */
export const SMS_MATCH_STATUSES = ['matched', 'paid_late', 'unmatched', 'needs_review', 'possible_duplicate', 'ignored'] as const;
export type SmsMatchStatus = (typeof SMS_MATCH_STATUSES)[number];

/** What a merchant can say about a sender on one forwarder phone (sms_senders.trust); saying nothing reads 'unknown'. */
export const SENDER_TRUSTS = ['trusted', 'blocked'] as const;
export type SenderTrustDecision = (typeof SENDER_TRUSTS)[number];
