import { z } from 'zod';
import { paginationQuery } from '@/lib/api/pagination';
import { SMS_MATCH_STATUSES } from '@/db/schema';

export const createSmsDeviceInput = z.object({ name: z.string().trim().min(1, 'Name is required').max(100) });
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
 * {from, text, received_at}; unknown extra fields are ignored.
 */
export const inboundSmsInput = z.object({
  from: z.string().trim().min(1, 'Sender is required').max(100),
  text: z.string().min(1, 'Text is required').max(4000),
  sentStamp: stamp,
  receivedStamp: stamp,
  received_at: stamp,
});

export const SMS_KINDS = ['deposit', 'withdrawal', 'purchase', 'otp', 'unknown'] as const;

export const smsMessageResponse = z.object({
  id: z.uuid(),
  device_id: z.uuid(),
  sender: z.string(),
  text: z.string(),
  received_at: z.iso.datetime(),
  kind: z.enum(SMS_KINDS),
  bank_code: z.string().nullable(),
  amount: z.number().int().nullable(),
  match_status: z.enum(SMS_MATCH_STATUSES).describe('matched: marked a transaction paid (or confirmed a merchant confirmation); paid_late: the transaction had expired; unmatched: a deposit that names no transaction; ignored: not a deposit'),
  transaction_id: z.uuid().nullable(),
  transaction_authority: z.string().nullable(),
  created_at: z.iso.datetime(),
});
export type SmsMessageResponse = z.infer<typeof smsMessageResponse>;

export const inboundSmsResponse = smsMessageResponse.extend({
  duplicate: z.boolean().describe('true when this SMS was already received; nothing happened again'),
});

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
