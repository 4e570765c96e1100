import { z } from 'zod';
import { EXAMPLE, example } from '@/lib/api/examples';
import { pageResponseFields, paginationQuery } from '@/lib/api/pagination';
import { SMS_KINDS } from '@/lib/banking/sms/sms-kinds';
import { REVIEW_REASONS } from './review-reasons';
import { SENDER_TRUSTS, SMS_MATCH_STATUSES } from './sms-statuses';

const SMS_TEXT = 'بانک ملت\nحساب1234567890\nواریز1,250,010\nمانده22,500,010\n04/08/27-12:53';
const deviceName = 'گوشی سامسونگ فروشگاه';
const timestamp = (value: string) => z.iso.datetime().meta(example(value));
const count = (value: number) => z.number().int().meta(example(value));

export const createSmsDeviceInput = z.strictObject({ name: z.string().trim().min(1, 'Name is required').max(100).meta(example(deviceName)) });
export const smsDeviceIdParams = z.object({ id: z.uuid().meta(example(EXAMPLE.deviceId)) });

export const smsDeviceResponse = z.object({
  id: z.uuid().meta(example(EXAMPLE.deviceId)),
  name: z.string().meta(example(deviceName)),
  token_hint: z.string().meta(example('kpay_dv_…r7Qx')),
  last_seen_at: timestamp(EXAMPLE.paidAt).nullable(),
  created_at: timestamp('2025-11-02T07:45:00.000Z'),
});
export const createdSmsDeviceResponse = smsDeviceResponse.extend({
  token: z
    .string()
    .describe('Shown only here: put it in the forwarder app as "Authorization: Bearer <token>"')
    .meta(example('kpay_dv_Hs4vN1cX8pL2qW6eR9tY3uI7oA5sD0fG2hJ4kL8r7Qx')),
  inbound_url: z.string().describe('Where the forwarder app posts each SMS').meta(example('https://pay.kpay.example/api/sms/inbound')),
});
export const smsDeviceListResponse = z.object({ devices: z.array(smsDeviceResponse), total: count(1) });

// Forwarder templates send stamps as strings ("1732700000000"), some as numbers, some unsubstituted ("%sentStamp%").
const stamp = z
  .union([z.number(), z.string().max(64)])
  .describe('Unix milliseconds or seconds (number or string), or an ISO 8601 time')
  .meta(example('1763457821000'))
  .optional();

/**
 * The default payload of the common Android forwarders, {from, text, sentStamp, receivedStamp, sim}, or
 * {from, text, received_at}; unknown extra fields are ignored (forwarder templates add their own), unlike every other body.
 */
export const inboundSmsInput = z
  .looseObject({
    from: z.string().trim().min(1, 'Sender is required').max(100).meta(example('Bank Mellat')),
    text: z.string().min(1, 'Text is required').max(4000).meta(example(SMS_TEXT)),
    sentStamp: stamp,
    receivedStamp: stamp,
    received_at: stamp,
  })
  .meta(example({ from: 'Bank Mellat', text: SMS_TEXT, sentStamp: '1763457821000', receivedStamp: '1763457822000', sim: 'SIM1' }));

export const smsMessageResponse = z.object({
  id: z.uuid().meta(example(EXAMPLE.smsId)),
  device_id: z.uuid().meta(example(EXAMPLE.deviceId)),
  sender: z.string().meta(example('Bank Mellat')),
  text: z.string().meta(example(SMS_TEXT)),
  received_at: timestamp(EXAMPLE.paidAt),
  kind: z.enum(SMS_KINDS).meta(example('deposit')),
  bank_code: z.string().nullable().meta(example('mellat')),
  amount: z.number().int().nullable().describe('In Rials').meta(example(EXAMPLE.finalAmount)),
  destination: z.string().nullable().describe('The card or account the SMS says the money went to, as printed').meta(example('1234567890')),
  match_status: z
    .enum(SMS_MATCH_STATUSES)
    .describe(
      'matched: marked a transaction paid (or confirmed a merchant confirmation); paid_late: arrived after the transaction expired; unmatched: a deposit that names no transaction; needs_review: a deposit KPay will not apply by itself (review_reason says why); possible_duplicate: the same text as an earlier SMS (duplicate_of_id) without proof it is a retry; ignored: not a deposit, or a blocked sender',
    ),
  review_reason: z.enum(REVIEW_REASONS).nullable().meta(example(null)),
  sender_kind: z.enum(['personal_mobile', 'short_code', 'alphanumeric']).meta(example('alphanumeric')),
  sender_trust: z.enum(['trusted', 'blocked', 'unknown']).describe('What the merchant said about this sender on this phone'),
  suggested_bank_code: z
    .string()
    .nullable()
    .describe('The bank this sender names itself as (never read from the text, which anyone can write): a suggestion to trust it, never applied by itself')
    .meta(example('mellat')),
  stamp_adjusted: z.boolean().describe("The phone gave no usable stamp, or one in the future or too old; received_at is KPay's receipt time"),
  duplicate_of_id: z.uuid().nullable().meta(example(null)),
  transaction_id: z.uuid().nullable().meta(example(EXAMPLE.transactionId)),
  transaction_authority: z.string().nullable().meta(example(EXAMPLE.authority)),
  created_at: timestamp(EXAMPLE.paidAt),
});
export type SmsMessageResponse = z.infer<typeof smsMessageResponse>;

export const inboundSmsResponse = smsMessageResponse.extend({
  duplicate: z.boolean().describe('true when this SMS was already received; nothing happened again'),
});

export const setSmsSenderTrustInput = z.strictObject({
  device_id: z.uuid().describe('Trust is per forwarder phone').meta(example(EXAMPLE.deviceId)),
  sender: z.string().trim().min(1, 'Sender is required').max(100).describe('As the SMS shows it').meta(example('Bank Mellat')),
  trust: z.enum(SENDER_TRUSTS).meta(example('trusted')),
  apply: z
    .boolean()
    .default(true)
    .describe("When trusting: apply this sender's deposits that wait for review on this phone now, oldest first"),
});

export const smsSenderResponse = z.object({
  id: z.uuid().meta(example(EXAMPLE.senderId)),
  device_id: z.uuid().meta(example(EXAMPLE.deviceId)),
  sender: z.string().describe('Normalised: ASCII digits, lower case, no spaces').meta(example('bankmellat')),
  trust: z.enum(SENDER_TRUSTS).meta(example('trusted')),
  created_at: timestamp('2025-11-02T07:50:00.000Z'),
  updated_at: timestamp('2025-11-02T07:50:00.000Z'),
});
export const smsSenderListResponse = z.object({ senders: z.array(smsSenderResponse), total: count(1) });
export const setSmsSenderTrustResponse = z.object({
  sender: smsSenderResponse,
  applied: z.array(smsMessageResponse).describe('The waiting deposits this decision settled, as they are now'),
});
export const smsSenderIdParams = z.object({ id: z.uuid().meta(example(EXAMPLE.senderId)) });

export const listSmsMessagesQuery = z.object({
  match_status: z.enum(SMS_MATCH_STATUSES).optional().meta(example('needs_review')),
  kind: z.enum(SMS_KINDS).optional().meta(example('deposit')),
  ...paginationQuery,
});
export const smsMessageListResponse = z.object({
  messages: z.array(smsMessageResponse),
  ...pageResponseFields,
});
