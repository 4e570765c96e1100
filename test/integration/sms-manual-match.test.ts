import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { smsMessages, transactions, webhookDeliveries, webhookEvents } from '@/db/schema';
import { listSmsMatchCandidates, matchSmsInput, matchSmsToTransaction } from '@/lib/sms/match-sms-to-transaction';
import { cardToCardMerchant, mellatDeposit, newWebhook, paidEvents } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

const HOUR = 60 * 60_000;

/** A merchant with a shop (and a webhook endpoint on it), a card and a forwarder phone, as the dashboard sees them. */
async function merchantSetup() {
  const m = await cardToCardMerchant();
  await newWebhook(m, m.shop, { url: 'http://127.0.0.1:9/kpay-hook' });

  const create = (amount: number, extra: Record<string, unknown> = {}) => m.create({ amount, ...extra });
  /** Posts a deposit SMS; `stampedAgo` sets the phone's received stamp that far in the past (a wrong clock, or a late SMS). */
  const sms = async (text: string, stampedAgo = 0) => {
    const res = await m.sms(text, { sentStamp: undefined, receivedStamp: String(Date.now() - stampedAgo) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { id: string; match_status: string; transaction_id: string | null; amount: number | null };
  };
  const detail = m.transaction;
  const match = (input: Record<string, unknown>) => matchSmsToTransaction(m.principal, matchSmsInput.parse(input));
  return { ...m, create, sms, detail, match };
}

/** Moves a transaction into the past: created `ago` before now, expired 15 minutes after that. */
async function backdate(id: string, ago: number) {
  const db = await database();
  const createdAt = new Date(Date.now() - ago);
  await db.update(transactions).set({ createdAt, expiresAt: new Date(createdAt.getTime() + 15 * 60_000) }).where(eq(transactions.id, id));
}

async function paidWebhooks(transactionId: string) {
  const db = await database();
  const events = await db.select().from(webhookEvents).where(eq(webhookEvents.type, 'transaction.paid'));
  return events.filter((e) => (e.body.data as { id: string }).id === transactionId);
}

async function storedSms(id: string) {
  const db = await database();
  return (await db.select().from(smsMessages).where(eq(smsMessages.id, id)))[0]!;
}

const refusal = (code: string) => expect.objectContaining({ code });

describe('matching a deposit SMS to a transaction by hand', () => {
  it('pays a pending transaction like an automatic match: event with sms_id by the merchant, webhook outbox, SMS matched', async () => {
    const m = await merchantSetup();
    const other = await m.create(90_000);
    const tx = await m.create(430_000, { factor_number: 'INV-77' });
    // The phone's clock is two days behind: the deposit's time is unknown, so the matcher leaves it to the merchant.
    const deposit = await m.sms(mellatDeposit(tx.final_amount), 48 * HOUR);
    expect(deposit).toMatchObject({ match_status: 'needs_review', review_reason: 'unreliable_stamp', transaction_id: null, amount: tx.final_amount });

    const candidates = await listSmsMatchCandidates(m.principal, { sms_id: deposit.id });
    expect(candidates.map((c) => c.id)).toEqual([tx.id, other.id]);
    expect((await listSmsMatchCandidates(m.principal, { sms_id: deposit.id, search: 'INV-77' })).map((c) => c.id)).toEqual([tx.id]);
    expect((await listSmsMatchCandidates(m.principal, { sms_id: deposit.id, search: other.authority })).map((c) => c.id)).toEqual([other.id]);

    const result = await m.match({ sms_id: deposit.id, authority: tx.authority });
    expect(result.sms).toMatchObject({ id: deposit.id, match_status: 'matched', transaction_id: tx.id, transaction_authority: tx.authority });
    expect(result.transaction).toMatchObject({ id: tx.id, status: 'paid', paid_via: 'sms', paid_late: false });

    const detail = await m.detail(tx.id);
    expect(detail).toMatchObject({ status: 'paid', paid_via: 'sms', paid_late: false });
    // A wrong phone clock is not a payment time: the time the deposit reached KPay is used.
    expect(new Date(detail.paid_at).getTime()).toBeGreaterThan(Date.now() - HOUR);
    const events = await paidEvents(tx.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ fromStatus: 'pending', actor: 'merchant', data: { sms_id: deposit.id } });

    const hooks = await paidWebhooks(tx.id);
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.body.data).toMatchObject({ id: tx.id, status: 'paid', paid_via: 'sms', paid_late: false });
    const db = await database();
    expect(await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventId, hooks[0]!.id))).toHaveLength(1);

    const inbox = (await m.call('GET', '/api/sms/messages?match_status=matched', { token: m.access_token })).body;
    expect(inbox.messages).toMatchObject([{ id: deposit.id, transaction_authority: tx.authority }]);
    // Once matched, it is no longer offered and cannot be matched again.
    await expect(listSmsMatchCandidates(m.principal, { sms_id: deposit.id })).rejects.toEqual(refusal('invalid_state'));
    await expect(m.match({ sms_id: deposit.id, transaction_id: other.id })).rejects.toEqual(refusal('invalid_state'));
  });

  it('pays an expired transaction late when the deposit was too old for the matcher', async () => {
    const m = await merchantSetup();
    const tx = await m.create(510_000);
    await backdate(tx.id, 30 * HOUR);
    const deposit = await m.sms(mellatDeposit(tx.final_amount));
    expect(deposit.match_status).toBe('unmatched');

    const result = await m.match({ sms_id: deposit.id, transaction_id: tx.id });
    expect(result.transaction).toMatchObject({ status: 'paid', paid_late: true, paid_via: 'sms' });
    expect(await paidEvents(tx.id)).toMatchObject([{ fromStatus: 'expired', actor: 'merchant', data: { sms_id: deposit.id } }]);
    expect(await paidWebhooks(tx.id)).toHaveLength(1);
  });

  it('resolves a paid-late deposit: its expired transaction becomes paid late, the SMS matched', async () => {
    const m = await merchantSetup();
    const tx = await m.create(620_000);
    await backdate(tx.id, HOUR);
    const late = await m.sms(mellatDeposit(tx.final_amount));
    expect(late).toMatchObject({ match_status: 'paid_late', transaction_id: tx.id });
    expect((await listSmsMatchCandidates(m.principal, { sms_id: late.id })).map((c) => c.id)).toEqual([tx.id]);

    const stray = await m.sms(mellatDeposit(tx.final_amount + 1));
    // The transaction is spoken for by the paid-late deposit, and the paid-late deposit by its transaction.
    expect((await listSmsMatchCandidates(m.principal, { sms_id: stray.id })).map((c) => c.id)).not.toContain(tx.id);
    await expect(m.match({ sms_id: stray.id, transaction_id: tx.id, accept_amount_difference: true })).rejects.toEqual(refusal('invalid_state'));
    const elsewhere = await m.create(700_000);
    await expect(m.match({ sms_id: late.id, transaction_id: elsewhere.id })).rejects.toEqual(refusal('invalid_state'));

    const result = await m.match({ sms_id: late.id });
    expect(result.sms).toMatchObject({ match_status: 'matched', transaction_id: tx.id });
    expect(await m.detail(tx.id)).toMatchObject({ status: 'paid', paid_late: true, paid_via: 'sms' });
    expect(await paidEvents(tx.id)).toMatchObject([{ fromStatus: 'expired', actor: 'merchant', data: { sms_id: late.id } }]);
    expect(await paidWebhooks(tx.id)).toHaveLength(1);
  });

  it('marks a paid-late deposit matched without a second payment when the merchant already confirmed it', async () => {
    const m = await merchantSetup();
    const tx = await m.create(640_000);
    await backdate(tx.id, HOUR);
    const late = await m.sms(mellatDeposit(tx.final_amount));
    expect(late.match_status).toBe('paid_late');
    expect((await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token })).body).toMatchObject({ status: 'paid', paid_via: 'merchant' });

    const result = await m.match({ sms_id: late.id });
    expect(result.sms).toMatchObject({ match_status: 'matched', transaction_id: tx.id });
    expect(result.transaction).toMatchObject({ status: 'paid', paid_via: 'merchant' });
    expect(await paidEvents(tx.id)).toHaveLength(1);
    expect(await paidWebhooks(tx.id)).toHaveLength(1);
  });

  it('refuses a different amount unless the merchant accepts it, and records the acceptance', async () => {
    const m = await merchantSetup();
    const tx = await m.create(250_000);
    // The buyer sent a round sum: nothing asks for it.
    const deposit = await m.sms(mellatDeposit(200_000));
    expect(deposit.match_status).toBe('unmatched');

    const refused = m.match({ sms_id: deposit.id, transaction_id: tx.id });
    await expect(refused).rejects.toEqual(refusal('amount_mismatch'));
    await expect(refused).rejects.toMatchObject({ code: 'amount_mismatch', fields: { amount: '200000', final_amount: String(tx.final_amount) } });
    expect((await m.detail(tx.id)).status).toBe('pending');
    expect((await storedSms(deposit.id)).matchStatus).toBe('unmatched');

    await m.match({ sms_id: deposit.id, transaction_id: tx.id, accept_amount_difference: true });
    expect(await paidEvents(tx.id)).toMatchObject([{ actor: 'merchant', data: { sms_id: deposit.id, accepted_amount_difference: true, sms_amount: 200_000 } }]);
    expect(await m.detail(tx.id)).toMatchObject({ status: 'paid', paid_late: false });
  });

  it('refuses what is already matched and transactions already settled; anything else only with the amount accepted', async () => {
    const m = await merchantSetup();
    const target = await m.create(300_000);
    const otp = await m.sms('رمز پویا: 123456\nمبلغ 300,000 ریال\nبانک ملت');
    const withdrawal = await m.sms('بانک ملت\nحساب1234567890\nبرداشت300,000\nمانده21,250,000\n04/07/15-08:42');
    for (const sms of [otp, withdrawal]) {
      expect(sms.match_status).toBe('ignored');
      // The merchant reads the text: a misread SMS can be matched by hand, but never silently for another amount.
      await expect(m.match({ sms_id: sms.id, transaction_id: target.id })).rejects.toMatchObject({ code: 'amount_mismatch' });
    }
    // Matched automatically: not again.
    const matched = await m.sms(mellatDeposit(target.final_amount));
    expect(matched.match_status).toBe('matched');
    await expect(m.match({ sms_id: matched.id, transaction_id: target.id })).rejects.toEqual(refusal('invalid_state'));

    const deposit = await m.sms(mellatDeposit(333_000));
    const paid = await m.create(333_000);
    await m.call('POST', `/api/transactions/${paid.id}/confirm`, { token: m.access_token });
    const verified = await m.create(333_000);
    await m.call('POST', `/api/transactions/${verified.id}/confirm`, { token: m.access_token });
    await m.call('POST', '/api/transactions/verify', { token: m.access_token, body: { authority: verified.authority, amount: verified.amount } });
    const cancelled = await m.create(333_000);
    await m.call('POST', `/api/transactions/${cancelled.id}/cancel`, { token: m.access_token });
    for (const [tx, status] of [[paid, 'paid'], [verified, 'verified'], [cancelled, 'cancelled']] as const) {
      await expect(m.match({ sms_id: deposit.id, transaction_id: tx.id })).rejects.toMatchObject({ code: 'invalid_state', fields: { status } });
    }
    // Created after the deposit reached KPay: that money was for something else.
    const newer = await m.create(333_000);
    await expect(m.match({ sms_id: deposit.id, transaction_id: newer.id })).rejects.toEqual(refusal('invalid_state'));
    expect(await listSmsMatchCandidates(m.principal, { sms_id: deposit.id })).toEqual([]);
    // An unmatched deposit must name its transaction.
    await expect(m.match({ sms_id: deposit.id })).rejects.toMatchObject({ code: 'validation_failed' });
    expect((await storedSms(deposit.id)).matchStatus).toBe('unmatched');
    expect(await paidEvents(newer.id)).toHaveLength(0);
  });

  it("answers 404 for another merchant's SMS or transaction", async () => {
    const m = await merchantSetup();
    const other = await merchantSetup();
    const mine = await m.create(150_000);
    const theirs = await other.create(150_000);
    const deposit = await m.sms(mellatDeposit(150_001));
    const theirDeposit = await other.sms(mellatDeposit(150_001));

    await expect(m.match({ sms_id: deposit.id, transaction_id: theirs.id, accept_amount_difference: true })).rejects.toMatchObject({ code: 'not_found' });
    await expect(m.match({ sms_id: deposit.id, authority: theirs.authority, accept_amount_difference: true })).rejects.toEqual(refusal('not_found'));
    await expect(m.match({ sms_id: theirDeposit.id, transaction_id: mine.id, accept_amount_difference: true })).rejects.toEqual(refusal('not_found'));
    await expect(listSmsMatchCandidates(m.principal, { sms_id: theirDeposit.id })).rejects.toEqual(refusal('not_found'));
    expect((await listSmsMatchCandidates(m.principal, { sms_id: deposit.id })).map((c) => c.id)).toEqual([mine.id]);
    expect((await other.detail(theirs.id)).status).toBe('pending');
    expect((await storedSms(theirDeposit.id)).matchStatus).toBe('unmatched');
  });
});

describe('concurrent manual matches', () => {
  it('one SMS matched onto two transactions at once pays exactly one of them', async () => {
    for (let round = 0; round < 5; round++) {
      const m = await merchantSetup();
      const a = await m.create(800_000);
      const b = await m.create(810_000);
      const deposit = await m.sms(mellatDeposit(805_000));
      const outcomes = await Promise.allSettled([
        m.match({ sms_id: deposit.id, transaction_id: a.id, accept_amount_difference: true }),
        m.match({ sms_id: deposit.id, transaction_id: b.id, accept_amount_difference: true }),
      ]);
      const won = outcomes.filter((o) => o.status === 'fulfilled');
      expect(won).toHaveLength(1);
      expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: refusal('invalid_state') });
      const winner = (won[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof m.match>>>).value.transaction.id;
      const loser = winner === a.id ? b.id : a.id;
      expect((await storedSms(deposit.id)).transactionId).toBe(winner);
      expect(await paidEvents(winner)).toHaveLength(1);
      expect(await paidEvents(loser)).toHaveLength(0);
      expect((await m.detail(loser)).status).toBe('pending');
      expect(await paidWebhooks(loser)).toHaveLength(0);
    }
  });

  it('two SMS matched onto one transaction at once: one pays it, the other stays unmatched', async () => {
    for (let round = 0; round < 5; round++) {
      const m = await merchantSetup();
      const tx = await m.create(900_000);
      const first = await m.sms(mellatDeposit(900_100));
      const second = await m.sms(mellatDeposit(900_200));
      const outcomes = await Promise.allSettled([
        m.match({ sms_id: first.id, transaction_id: tx.id, accept_amount_difference: true }),
        m.match({ sms_id: second.id, transaction_id: tx.id, accept_amount_difference: true }),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.find((o) => o.status === 'rejected')).toMatchObject({ reason: refusal('invalid_state') });
      expect(await paidEvents(tx.id)).toHaveLength(1);
      expect(await paidWebhooks(tx.id)).toHaveLength(1);
      const db = await database();
      const linked = await db.select().from(smsMessages).where(and(eq(smsMessages.transactionId, tx.id), eq(smsMessages.matchStatus, 'matched')));
      expect(linked).toHaveLength(1);
      const loser = linked[0]!.id === first.id ? second.id : first.id;
      expect(await storedSms(loser)).toMatchObject({ matchStatus: 'unmatched', transactionId: null });
    }
  });
});
