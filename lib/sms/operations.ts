import { operationsOf } from '@/lib/api/operation';
import {
  createdSmsDeviceResponse,
  createSmsDeviceInput,
  inboundSmsInput,
  inboundSmsResponse,
  listSmsMessagesQuery,
  setSmsSenderTrustInput,
  setSmsSenderTrustResponse,
  smsDeviceIdParams,
  smsDeviceListResponse,
  smsMessageListResponse,
  smsSenderIdParams,
  smsSenderListResponse,
} from './schemas';

const operation = operationsOf('SMS');

export const smsOperations = {
  createSmsDevice: operation({
    method: 'POST', path: '/sms/devices', summary: 'Register a forwarder device',
    description: 'Returns the device token once.',
    auth: 'user', body: createSmsDeviceInput, status: 201, response: createdSmsDeviceResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden'],
  }),
  listSmsDevices: operation({
    method: 'GET', path: '/sms/devices', summary: 'List forwarder devices',
    auth: 'user', status: 200, response: smsDeviceListResponse, errors: ['unauthorized', 'forbidden'],
  }),
  revokeSmsDevice: operation({
    method: 'DELETE', path: '/sms/devices/{id}', summary: 'Revoke a forwarder device',
    description: "The token stops working at once; the device's messages stay.",
    auth: 'user', params: smsDeviceIdParams, status: 204, errors: ['unauthorized', 'forbidden', 'not_found'],
  }),
  receiveSms: operation({
    method: 'POST', path: '/sms/inbound', summary: 'Receive a forwarded SMS',
    description:
      'For forwarder apps: `Authorization: Bearer <device token>`. Accepts {from, text, sentStamp, receivedStamp, sim} or {from, text, received_at}. The same SMS posted twice counts once.',
    auth: 'device', body: inboundSmsInput, status: 200, response: inboundSmsResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized'],
  }),
  listSmsMessages: operation({
    method: 'GET', path: '/sms/messages', summary: 'List received SMS',
    description: 'Newest first; unmatched and paid-late deposits are found with match_status.',
    auth: 'user', query: listSmsMessagesQuery, status: 200, response: smsMessageListResponse,
    errors: ['unauthorized', 'forbidden', 'validation_failed'],
  }),
  listSmsSenders: operation({
    method: 'GET', path: '/sms/senders', summary: 'List trusted and blocked senders',
    auth: 'user', status: 200, response: smsSenderListResponse, errors: ['unauthorized', 'forbidden'],
  }),
  setSenderTrust: operation({
    method: 'POST', path: '/sms/senders', summary: 'Trust or block a sender on a phone',
    description:
      "Only deposits from senders you trust on that phone pay automatically; until then they wait as needs_review. A person's mobile number (09…, +989…) can never be trusted. With apply (the default), trusting runs the sender's waiting deposits now through the usual rules; blocking moves them to ignored. Both stay matchable by hand.",
    auth: 'user', body: setSmsSenderTrustInput, status: 200, response: setSmsSenderTrustResponse,
    errors: ['invalid_json', 'validation_failed', 'unauthorized', 'forbidden', 'not_found'],
  }),
  forgetSmsSender: operation({
    method: 'DELETE', path: '/sms/senders/{id}', summary: 'Forget a trusted or blocked sender',
    description: "The sender's next deposits wait for review again.",
    auth: 'user', params: smsSenderIdParams, status: 204, errors: ['unauthorized', 'forbidden', 'not_found'],
  }),
};
