import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { database } from '@/db/client';
import { smsMessages, transactions } from '@/db/schema';
import { expireDueTransactions } from '@/lib/transactions/expire-due-transactions';
import { apiClient } from '../api-client';
import { cardToCardMerchant, mellatDeposit, paidEvents, setExpiresAt } from '../fixtures';
import { setupTestDatabase } from '../test-database';

setupTestDatabase();

const MINUTE = 60_000;
const rials = (n: number) => n.toLocaleString('en-US');

// Real-shaped bank SMS (../shared/reference/iran-banking.md), with the lines real ones add.
const saderatWithFee = (amount: number) =>
  `بانک صادرات\nحساب 1234567890\nواریز ${rials(amount)} ریال\nکارمزد 0 ریال\nمانده 25,000,000\n1405/04/13`;
const mellatWithFooter = (amount: number) =>
  `${mellatDeposit(amount)}\nرمز خود را در اختیار دیگران قرار ندهید`;
const tejaratToCard = (amount: number, card: string) =>
  `بانک تجارت\nکارت: ${card}\nنوع تراکنش: واریز\nمبلغ: ${rials(amount)} ريال\nمانده: 9,000,000 ريال\n1405/04/13 - 11:01`;
const failedTransfer = (amount: number) => `بانک ملت\nانتقال وجه ناموفق\nمبلغ ${rials(amount)} ریال\nحساب1234567890\n04/07/15-08:42`;
/** What a buyer might text the merchant's phone from their own mobile, copying a bank's wording. */
const personalFake = (amount: number) => `بانک ملت\nواریز مبلغ ${rials(amount)} ریال به حساب شما\nمانده 30,000,000`;

async function sweep() {
  const db = await database();
  await db.transaction((tx) => expireDueTransactions(tx));
}

describe('only real bank SMS pay automatically', () => {
  it('pays from a trusted bank sender: a deposit with a fee line, and one with a "keep your password" footer', async () => {
    const m = await cardToCardMerchant();
    const a = await m.create({ amount: 400_000 });
    const b = await m.create({ amount: 500_000 });
    expect((await m.sms(saderatWithFee(a.final_amount))).body).toMatchObject({ kind: 'deposit', match_status: 'matched', transaction_id: a.id });
    expect((await m.sms(mellatWithFooter(b.final_amount))).body).toMatchObject({ kind: 'deposit', match_status: 'matched', transaction_id: b.id });
    expect((await m.transaction(a.id)).status).toBe('paid');
    expect((await m.transaction(b.id)).status).toBe('paid');
  });

  it("never pays from a person's mobile number, in any spelling, and refuses to trust one", async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    for (const [i, from] of ['09121234567', '+989121234567', '00989121234567', '989121234567', '۰۹۱۲۱۲۳۴۵۶۷'].entries()) {
      const res = await m.sms(`${personalFake(tx.final_amount)}\n${i}`, { from });
      expect(res.body, from).toMatchObject({ kind: 'deposit', match_status: 'needs_review', review_reason: 'personal_sender', sender_kind: 'personal_mobile', suggested_bank_code: null });
    }
    expect((await m.transaction(tx.id)).status).toBe('pending');
    const trust = await m.trust('09121234567');
    expect(trust.status).toBe(422);
    expect(trust.body.error.fields).toHaveProperty('sender');
  });

  it('keeps an untrusted sender for review, suggesting a bank only from its own name; trust-and-apply pays on time', async () => {
    const m = await cardToCardMerchant({ trustedSenders: [] });
    const tx = await m.create();
    // A number names no bank, whatever its text says: anyone can rent a bulk line and copy a bank's wording.
    const waiting = (await m.sms(mellatDeposit(tx.final_amount), { from: '+98700700' })).body;
    expect(waiting).toMatchObject({ match_status: 'needs_review', review_reason: 'untrusted_sender', sender_trust: 'unknown', suggested_bank_code: null, transaction_id: null });
    expect((await m.sms(mellatDeposit(999_990), { from: '+983000123456' })).body).toMatchObject({ sender_kind: 'short_code', suggested_bank_code: null });
    // Named senders suggest their bank by name.
    expect((await m.sms(mellatDeposit(999_990), { from: 'Bank Mellat' })).body).toMatchObject({ review_reason: 'untrusted_sender', suggested_bank_code: 'mellat' });
    expect((await m.transaction(tx.id)).status).toBe('pending');
    // The merchant looks at it a while later, after the transaction's time ran out and the sweep stored it expired.
    await setExpiresAt(tx.authority, new Date(Date.now() - 30_000));
    await sweep();

    const trusted = await m.trust('+98700700');
    expect(trusted.status).toBe(200);
    expect(trusted.body.applied).toMatchObject([{ id: waiting.id, match_status: 'matched', transaction_id: tx.id, sender_trust: 'trusted' }]);
    expect(await m.transaction(tx.id)).toMatchObject({ status: 'paid', paid_late: false, paid_via: 'sms' });
    const senders = (await m.call('GET', '/api/sms/senders', { token: m.access_token })).body;
    expect(senders.senders).toMatchObject([{ device_id: m.device.id, sender: '+98700700', trust: 'trusted' }]);
  });

  it('blocks a sender: its deposits are kept, never applied, and can be matched by hand', async () => {
    const m = await cardToCardMerchant({ trustedSenders: [] });
    const tx = await m.create();
    const first = (await m.sms(mellatDeposit(tx.final_amount), { from: 'SPAM' })).body;
    const blocked = await m.trust('SPAM', 'blocked');
    expect(blocked.body.applied).toMatchObject([{ id: first.id, match_status: 'ignored', review_reason: 'blocked_sender' }]);
    const next = (await m.sms(mellatDeposit(tx.final_amount), { from: 'spam', sentStamp: String(Date.now() + 1) })).body;
    expect(next).toMatchObject({ match_status: 'ignored', review_reason: 'blocked_sender', sender_trust: 'blocked' });
    expect((await m.transaction(tx.id)).status).toBe('pending');
  });

  it('checks the destination the SMS names against the transaction card: visible card digits or the account in its Sheba', async () => {
    const m = await cardToCardMerchant();
    const toThisCard = await m.create({ amount: 300_000 });
    expect((await m.sms(tejaratToCard(toThisCard.final_amount, '6104****7890'))).body).toMatchObject({
      match_status: 'matched',
      destination: '6104****7890',
      transaction_id: toThisCard.id,
    });
    // Another card, and another of the merchant's accounts: a contradiction is never a match.
    const other = await m.create({ amount: 310_000 });
    expect((await m.sms(tejaratToCard(other.final_amount, '5022****1111'))).body).toMatchObject({ match_status: 'needs_review', review_reason: 'destination_mismatch' });
    expect((await m.sms(mellatDeposit(other.final_amount, '9876543210'))).body).toMatchObject({
      match_status: 'needs_review',
      review_reason: 'destination_mismatch',
      destination: '9876543210',
    });
    expect((await m.transaction(other.id)).status).toBe('pending');
  });

  it('cannot tell an account is the card\'s without its Sheba, so waits for review', async () => {
    const m = await cardToCardMerchant({ sheba: null });
    const tx = await m.create();
    expect((await m.sms(mellatDeposit(tx.final_amount))).body).toMatchObject({ match_status: 'needs_review', review_reason: 'destination_mismatch' });
    // A deposit that names no destination (blu) is matched on sender, amount and time alone.
    const blu = `بلو\nواریز پول\nسارا عزیز، ${rials(tx.final_amount)} ریال به حساب شما نشست.\nموجودی: 120,000,000 ریال`;
    expect((await m.sms(blu)).body).toMatchObject({ match_status: 'matched', destination: null, transaction_id: tx.id });
  });

  it('does not take a failed transfer, or money leaving the account, for a deposit', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    const failed = (await m.sms(failedTransfer(tx.final_amount))).body;
    expect(failed).toMatchObject({ kind: 'failed', match_status: 'ignored', transaction_id: null });
    // The merchant refunds exactly a held amount from the card's own account: the SMS names both directions.
    const refund = `بانک ملت\nانتقال وجه از حساب 1234567890\nبه کارت 6037****1234\nمبلغ ${rials(tx.final_amount)} ریال واریز شد`;
    expect((await m.sms(refund)).body).toMatchObject({ kind: 'unknown', match_status: 'ignored' });
    expect((await m.transaction(tx.id)).status).toBe('pending');
  });

  it('keeps a deposit whose footer warns about passwords, and never pays by a unit guessed from an advert', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create({ amount: 900_000 });
    const footer = `${mellatDeposit(tx.final_amount)}\nهرگز رمز دوم یا کد تایید خود را در اختیار دیگران قرار ندهید`;
    expect((await m.sms(footer)).body).toMatchObject({ kind: 'deposit', match_status: 'matched', transaction_id: tx.id });
    // A tenth of the sum, in an SMS whose advert line speaks of Toman: read as Toman it would equal final_amount.
    const cheap = await m.create({ amount: 1_000_000 });
    const advert = `${mellatDeposit(cheap.final_amount / 10)}\nجشنواره همراه بانک: 10 میلیون تومان جایزه`;
    expect((await m.sms(advert)).body).toMatchObject({ amount: cheap.final_amount, match_status: 'needs_review', review_reason: 'amount_unit_guessed' });
    expect((await m.transaction(cheap.id)).status).toBe('pending');
  });
});

describe('a final amount is not reused while a late SMS may still arrive', () => {
  it('a deposit for an expired transaction cannot pay a new one for the same amount', async () => {
    const m = await cardToCardMerchant();
    const first = await m.create();
    await setExpiresAt(first.authority, new Date(Date.now() - 10 * MINUTE));
    await sweep();
    const second = await m.create();
    expect(second.final_amount).not.toBe(first.final_amount);
    const late = (await m.sms(mellatDeposit(first.final_amount))).body;
    expect(late).toMatchObject({ match_status: 'paid_late', transaction_id: first.id });
    expect((await m.transaction(second.id)).status).toBe('pending');
    expect(await m.transaction(first.id)).toMatchObject({ status: 'expired', paid_late: true });
  });

  it('pays on time a deposit stamped before expires_at + grace, even after the sweep stored it expired', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    await setExpiresAt(tx.authority, new Date(Date.now() - MINUTE));
    await sweep();
    expect((await m.transaction(tx.id)).status).toBe('expired');
    const sms = (await m.sms(mellatDeposit(tx.final_amount))).body;
    expect(sms).toMatchObject({ match_status: 'matched', transaction_id: tx.id });
    expect(await m.transaction(tx.id)).toMatchObject({ status: 'paid', paid_late: false });
    expect(await paidEvents(tx.id)).toMatchObject([{ fromStatus: 'expired', actor: 'sms' }]);
  });

  it('never matches a deposit stamped before the transaction existed', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    const before = String(new Date(tx.expires_at).getTime() - 16 * MINUTE);
    expect((await m.sms(mellatDeposit(tx.final_amount), { sentStamp: before, receivedStamp: before })).body).toMatchObject({ match_status: 'unmatched' });
    expect((await m.transaction(tx.id)).status).toBe('pending');
  });

  it('replaces a missing phone stamp, or one in the future or far in the past, by the receipt time, flags it and leaves it for review', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    for (const [i, stamp] of [String(Date.now() + 60 * MINUTE), String(Date.now() - 3 * 24 * 60 * MINUTE), undefined, '%sentStamp%'].entries()) {
      const text = `${mellatDeposit(tx.final_amount)}\n${i}`;
      const res = (await m.sms(text, { sentStamp: stamp, receivedStamp: stamp })).body;
      expect(res).toMatchObject({ match_status: 'needs_review', review_reason: 'unreliable_stamp', stamp_adjusted: true });
      expect(Math.abs(new Date(res.received_at).getTime() - Date.now())).toBeLessThan(MINUTE);
    }
    expect((await m.transaction(tx.id)).status).toBe('pending');
  });

  it('losing a race is not a match: of two deposits for one transaction one pays, the other stays unmatched', async () => {
    for (let round = 0; round < 3; round++) {
      const m = await cardToCardMerchant();
      const tx = await m.create({ amount: 700_000 });
      // Two different SMS (their balance lines differ): two real transfers of the same sum.
      const [one, two] = await Promise.all([
        m.sms(mellatDeposit(tx.final_amount)),
        m.sms(mellatDeposit(tx.final_amount).replace('مانده', 'مانده1')),
      ]);
      expect([one.body.match_status, two.body.match_status].sort()).toEqual(['matched', 'unmatched']);
      expect(await paidEvents(tx.id)).toHaveLength(1);
    }
  });

  it("only a merchant's confirmation without a deposit SMS yet absorbs a deposit; a second deposit stays unmatched", async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    expect((await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token })).status).toBe(200);
    expect((await m.sms(mellatDeposit(tx.final_amount))).body).toMatchObject({ match_status: 'matched', transaction_id: tx.id });
    expect((await m.sms(mellatWithFooter(tx.final_amount))).body).toMatchObject({ match_status: 'unmatched', transaction_id: null });
    expect(await paidEvents(tx.id)).toHaveLength(1);
  });

  it('does not absorb a deposit into a confirmation when another deposit of that sum already waits for review', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    // The buyer's first transfer reached another of the merchant's accounts: held for review.
    expect((await m.sms(mellatDeposit(tx.final_amount, '9876543210'))).body.match_status).toBe('needs_review');
    await m.call('POST', `/api/transactions/${tx.id}/confirm`, { token: m.access_token });
    // A second transfer of the same sum may be the buyer paying twice: kept, not absorbed.
    expect((await m.sms(mellatWithFooter(tx.final_amount))).body).toMatchObject({ match_status: 'unmatched', transaction_id: null });
  });

  it('takes a buyer claim after expiry during the lookback, and shows it to the merchant', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    await setExpiresAt(tx.authority, new Date(Date.now() - 30 * MINUTE));
    const buyer = apiClient();
    const claim = await buyer('POST', `/api/transactions/payment/${tx.authority}/claim`, { body: { reference: '987654321', card_last4: '4321' } });
    expect(claim.status).toBe(201);
    expect((await m.transaction(tx.id)).claims).toMatchObject([{ reference: '987654321', card_last4: '4321' }]);
    await setExpiresAt(tx.authority, new Date(Date.now() - 25 * 60 * MINUTE));
    const tooLate = await buyer('POST', `/api/transactions/payment/${tx.authority}/claim`, { body: { reference: '987654322', card_last4: '4321' } });
    expect(tooLate.status).toBe(409);
  });
});

describe('duplicates without losing real money', () => {
  it('counts a forwarder retry once when only its received stamp differs', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    const sent = String(Date.now());
    const first = (await m.sms(mellatDeposit(tx.final_amount), { sentStamp: sent, receivedStamp: sent })).body;
    const retry = (await m.sms(mellatDeposit(tx.final_amount), { sentStamp: sent, receivedStamp: String(Date.now() + 5_000) })).body;
    expect(first).toMatchObject({ match_status: 'matched', duplicate: false });
    expect(retry).toMatchObject({ id: first.id, duplicate: true });
    expect(await paidEvents(tx.id)).toHaveLength(1);
  });

  it('keeps the same text with another stamp, or none, as a possible duplicate that pays nothing, even hours later', async () => {
    const m = await cardToCardMerchant();
    const tx = await m.create();
    const text = mellatDeposit(tx.final_amount);
    const first = (await m.sms(text)).body;
    expect(first.match_status).toBe('matched');
    // A forwarder that kept retrying for hours: KPay received the first copy three hours ago.
    const db = await database();
    await db.update(smsMessages).set({ createdAt: new Date(Date.now() - 3 * 60 * MINUTE) }).where(eq(smsMessages.id, first.id));
    const laterStamp = (await m.sms(text, { sentStamp: String(Date.now() + 1_000) })).body;
    expect(laterStamp).toMatchObject({ match_status: 'possible_duplicate', duplicate_of_id: first.id, duplicate: false, transaction_id: null });
    // Without a stamp it waits for review anyway, and says what it repeats.
    const unstamped = (await m.sms(text, { sentStamp: undefined, receivedStamp: undefined })).body;
    expect(unstamped).toMatchObject({ match_status: 'needs_review', review_reason: 'unreliable_stamp', duplicate_of_id: first.id });
    expect(new Set([first.id, laterStamp.id, unstamped.id]).size).toBe(3);
    expect(await paidEvents(tx.id)).toHaveLength(1);
    const inbox = (await m.call('GET', '/api/sms/messages?match_status=possible_duplicate', { token: m.access_token })).body;
    expect(inbox.total).toBe(1);
  });

  it('treats the same text from another sender or phone as a different SMS', async () => {
    const m = await cardToCardMerchant();
    const a = await m.create({ amount: 200_000 });
    const first = (await m.sms(mellatDeposit(a.final_amount))).body;
    const other = (await m.sms(mellatDeposit(a.final_amount), { from: 'Bank Mellat' })).body;
    expect(first.match_status).toBe('matched');
    // Not a duplicate, but the transaction is paid already: somebody's real money, kept unmatched.
    expect(other).toMatchObject({ match_status: 'unmatched', duplicate_of_id: null });
  });
});

describe('callback URLs', () => {
  it("must be on the shop's website or a subdomain when it has one", async () => {
    const m = await cardToCardMerchant();
    await m.call('PATCH', `/api/shops/${m.shop.id}`, { token: m.access_token, body: { website: 'https://www.shop.example' } });
    const create = (callback_url: string) =>
      m.call('POST', '/api/transactions/create', {
        apiKey: m.shop.api_key,
        body: { shop_id: m.shop.id, card_id: m.card.id, amount: 100_000, callback_url },
      });
    const refused = await create('https://evil.example/back');
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields.callback_url).toMatch(/shop\.example/);
    expect((await create('https://shop.example.evil.example/back')).status).toBe(422);
    expect((await create('https://pay.shop.example/back')).status).toBe(201);
    expect((await create('https://shop.example/back')).status).toBe(201);
    const db = await database();
    expect(await db.select().from(transactions).where(eq(transactions.callbackUrl, 'https://evil.example/back'))).toEqual([]);
  });
});
