'use server';

import { revalidatePath } from 'next/cache';
import { dashboardAction } from '@/lib/dashboard/dashboard-action';
import { forwarderSetupPayload, forwarderSetupQrDataUrl } from '@/lib/sms/forwarder-setup-qr';
import { listSmsMatchCandidates, matchSmsInput, matchSmsToTransaction, smsMatchCandidatesQuery } from '@/lib/sms/match-sms-to-transaction';
import { createSmsDeviceInput, setSmsSenderTrustInput, smsDeviceIdParams } from '@/lib/sms/schemas';
import { setSenderTrust } from '@/lib/sms/set-sender-trust';
import { createSmsDevice, revokeSmsDevice } from '@/lib/sms/sms-devices';

/** The token and its QR code reach the browser only in this answer; nothing shows them again. */
export const createSmsDeviceAction = dashboardAction(createSmsDeviceInput, async (input, m) => {
  const device = await createSmsDevice(m.principal, input.name);
  const setupQr = await forwarderSetupQrDataUrl(forwarderSetupPayload({ url: device.inbound_url, token: device.token }));
  revalidatePath('/dashboard/sms');
  return { ...device, setup_qr: setupQr };
});

export const revokeSmsDeviceAction = dashboardAction(smsDeviceIdParams, async (input, m) => {
  await revokeSmsDevice(m.principal, input.id);
  revalidatePath('/dashboard/sms');
});

export const smsMatchCandidatesAction = dashboardAction(smsMatchCandidatesQuery, (input, m) => listSmsMatchCandidates(m.principal, input));

export const matchSmsAction = dashboardAction(matchSmsInput, async (input, m) => {
  const result = await matchSmsToTransaction(m.principal, input);
  revalidatePath('/dashboard/sms');
  revalidatePath(`/dashboard/transactions/${result.transaction.id}`);
  return result;
});

/** Trust (and apply the waiting deposits of) or block a sender on one phone: the inbox's one-tap answer to needs_review. */
export const setSmsSenderTrustAction = dashboardAction(setSmsSenderTrustInput, async (input, m) => {
  const result = await setSenderTrust(m.principal, input);
  revalidatePath('/dashboard/sms');
  for (const sms of result.applied) if (sms.transaction_id) revalidatePath(`/dashboard/transactions/${sms.transaction_id}`);
  return result;
});
