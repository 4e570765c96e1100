import 'server-only';
import { createHash } from 'node:crypto';
import { openStatusEventStream, type StatusStreamOptions } from '@/lib/live-status/status-event-stream';
import type { StatusFeed } from '@/lib/live-status/status-hub';
import { getCryptoPaymentStatus } from './get-crypto-payment';
import { cryptoPaymentMachine } from './status';

type PublicStatus = Awaited<ReturnType<typeof getCryptoPaymentStatus>>;

// A read a moment after expires_at, so the clock has surely passed it.
const AFTER_EXPIRY_MS = 50;

/**
 * The hosted crypto page's status, as GET /gateway/payments/{id} answers without credentials. Nothing in that answer
 * counts down, so its version is a digest of all of it: any change the page could show (status, received amount,
 * confirmations, flags, hash) is a new version. It ends at completed or failed, where the page stops following too.
 */
const cryptoPaymentStatusFeed: StatusFeed<PublicStatus> = {
  kind: 'crypto_payment',
  read: getCryptoPaymentStatus,
  version: (payment) => createHash('sha256').update(JSON.stringify(payment)).digest('base64url').slice(0, 16),
  isFinal: (payment) => payment.status === 'completed' || payment.status === 'failed',
  clockChangeIn: (payment) => (cryptoPaymentMachine.deadline?.from.includes(payment.status) ? Date.parse(payment.expires_at) - Date.now() + AFTER_EXPIRY_MS : null),
};

/**
 * GET /gateway/payments/{id}/events: the public status pushed on every change (lib/live-status). The id is followed in
 * PostgreSQL's spelling (lower case, as its trigger notifies it), so an upper-case id in the URL still gets its pushes.
 */
export const followCryptoPaymentStatus = (id: string, options: StatusStreamOptions) =>
  openStatusEventStream(cryptoPaymentStatusFeed, id.toLowerCase(), options);
