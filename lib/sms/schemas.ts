import { z } from 'zod';
import { paginationQuery } from '@/lib/api/pagination';
import { SMS_MATCH_STATUSES } from '@/db/schema';
import { REVIEW_REASONS } from './review-reasons';

export const createSmsDeviceInput = z.strictObject({ name: z.string().trim().min(1, 'Name is required').max(100) });
export const smsDeviceIdParams = z.object({ id: z.uuid() });

export const smsDeviceResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  token_hint: z.string(),
  last_seen_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
});
export const createdSmsDeviceResponse = smsDeviceResponse.extend({
  token: z.string().describe('Shown only here: put it in the forwarder app as "Authorization: Bearer <token>"'),
  inbound_url: z.string().describe('Where the forwarder app posts each SMS'),
});
export const smsDeviceListResponse = z.object({ devices: z.array(smsDeviceResponse), total: z.number().int() });

// Forwarder templates send stamps as strings ("1732700000000"), some as numbers, some unsubstituted ("%sentStamp%").
const stamp = z.union([z.number(), z.string().max(64)]).optional();

/**
 * The default payload of the common Android forwarders, {from, text, sentStamp, receivedStamp, sim}, or
 * {from, text, received_at}; unknown extra fields are ignored (forwarder templates add their own), unlike every other body.
 */
export const inboundSmsInput = z.looseObject({
  from: z.string().trim().min(1, 'Sender is required').max(100),
  text: z.string().min(1, 'Text is required').max(4000),
  sentStamp: stamp,
  receivedStamp: stamp,
  received_at: stamp,
});

export const SMS_KINDS = ['deposit', 'withdrawal', 'purchase', 'failed', 'otp', 'unknown'] as const;

export const smsMessageResponse = z.object({
  id: z.uuid(),
  device_id: z.uuid(),
  sender: z.string(),
  text: z.string(),
  received_at: z.iso.datetime(),
  kind: z.enum(SMS_KINDS),
  bank_code: z.string().nullable(),
  amount: z.number().int().nullable(),
  destination: z.string().nullable().describe('The card or account the SMS says the money went to, as printed'),
  match_status: z
    .enum(SMS_MATCH_STATUSES)
    .describe(
      'matched: marked a transaction paid (or confirmed a merchant confirmation); paid_late: arrived after the transaction expired; unmatched: a deposit that names no transaction; needs_review: a deposit KPay will not apply by itself (review_reason says why); possible_duplicate: the same text as an earlier SMS (duplicate_of_id) without proof it is a retry; ignored: not a deposit, or a blocked sender',
    ),
  review_reason: z.enum(REVIEW_REASONS).nullable(),
  sender_kind: z.enum(['personal_mobile', 'short_code', 'alphanumeric']),
  sender_trust: z.enum(['trusted', 'blocked', 'unknown']).describe('What the merchant said about this sender on this phone'),
  suggested_bank_code: z
    .string()
    .nullable()
    .describe('The bank this sender names itself as (never read from the text, which anyone can write): a suggestion to trust it, never applied by itself'),
  stamp_adjusted: z.boolean().describe("The phone gave no usable stamp, or one in the future or too old; received_at is KPay's receipt time"),
  duplicate_of_id: z.uuid().nullable(),
  transaction_id: z.uuid().nullable(),
  transaction_authority: z.string().nullable(),
  created_at: z.iso.datetime(),
});
export type SmsMessageResponse = z.infer<typeof smsMessageResponse>;

export const inboundSmsResponse = smsMessageResponse.extend({
  duplicate: z.boolean().describe('true when this SMS was already received; nothing happened again'),
});

export const SENDER_TRUSTS = ['trusted', 'blocked'] as const;

export const setSmsSenderTrustInput = z.strictObject({
  device_id: z.uuid().describe('Trust is per forwarder phone'),
  sender: z.string().trim().min(1, 'Sender is required').max(100).describe('As the SMS shows it'),
  trust: z.enum(SENDER_TRUSTS),
  apply: z
    .boolean()
    .default(true)
    .describe("When trusting: apply this sender's deposits that wait for review on this phone now, oldest first"),
});

export const smsSenderResponse = z.object({
  id: z.uuid(),
  device_id: z.uuid(),
  sender: z.string().describe('Normalised: ASCII digits, lower case, no spaces'),
  trust: z.enum(SENDER_TRUSTS),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export const smsSenderListResponse = z.object({ senders: z.array(smsSenderResponse), total: z.number().int() });
export const smsSenderIdParams = z.object({ id: z.uuid() });

export const listSmsMessagesQuery = z.object({
  match_status: z.enum(SMS_MATCH_STATUSES).optional(),
  kind: z.enum(SMS_KINDS).optional(),
  ...paginationQuery,
});
export const smsMessageListResponse = z.object({
  messages: z.array(smsMessageResponse),
  total: z.number().int(),
  page: z.number().int(),
  per_page: z.number().int(),
});
