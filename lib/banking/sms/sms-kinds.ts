/**
 * What the bank SMS parser makes of a text (sms_messages.kind). 'failed': a transfer that failed, was reversed or was
 * only requested; its amount is read, but it is no deposit. No imports: db/schema and the API schemas read this list.
 */
export const SMS_KINDS = ['deposit', 'withdrawal', 'purchase', 'failed', 'otp', 'unknown'] as const;
export type SmsKind = (typeof SMS_KINDS)[number];
