import { describe, expect, it } from 'vitest';
import { CRYPTO_PAYMENT_STATUSES } from '@/lib/crypto-payments/crypto-payment-statuses';
import { translator } from '@/lib/i18n/translator';
import {
  asksForPayment,
  type CryptoPaymentStateFields,
  cryptoPaymentNotes,
  cryptoPaymentView,
  pollMode,
  stateSignature,
} from './crypto-payment-state';

// The states the e2e suite cannot reach (no chain moves there, and expiry takes five minutes at least): which view,
// which notes and which texts the page picks for each.

const fields = (over: Partial<CryptoPaymentStateFields> = {}): CryptoPaymentStateFields => ({
  status: 'created',
  confirmations: 0,
  received_amount: null,
  underpaid: false,
  overpaid: false,
  paid_late: false,
  tx_hash: null,
  ...over,
});

describe('cryptoPaymentView', () => {
  it('maps each status to its view', () => {
    expect(cryptoPaymentView(fields())).toBe('waiting');
    expect(cryptoPaymentView(fields({ status: 'pending' }))).toBe('seen');
    expect(cryptoPaymentView(fields({ status: 'confirming' }))).toBe('confirming');
    expect(cryptoPaymentView(fields({ status: 'completed' }))).toBe('completed');
    expect(cryptoPaymentView(fields({ status: 'expired' }))).toBe('expired');
    expect(cryptoPaymentView(fields({ status: 'failed' }))).toBe('failed');
  });

  it('asks for the rest while an underpaid payment is still open, and only then', () => {
    expect(cryptoPaymentView(fields({ status: 'pending', underpaid: true }))).toBe('topUp');
    expect(cryptoPaymentView(fields({ status: 'confirming', underpaid: true }))).toBe('topUp');
    expect(cryptoPaymentView(fields({ status: 'failed', underpaid: true }))).toBe('failed');
    expect(cryptoPaymentView(fields({ status: 'completed', underpaid: true }))).toBe('completed');
  });

  it('shows the address, QR code and countdown only where money is asked for', () => {
    const views = CRYPTO_PAYMENT_STATUSES.map((status) => cryptoPaymentView(fields({ status })));
    expect(views.filter(asksForPayment)).toEqual(['waiting']);
    expect(asksForPayment('topUp')).toBe(true);
  });
});

describe('cryptoPaymentNotes', () => {
  it('says a failed payment was underpaid, with what had arrived', () => {
    expect(cryptoPaymentNotes(fields({ status: 'failed', underpaid: true, received_amount: '0.01000000' }))).toEqual(['underpaid']);
  });
  it('says a payment arrived late or overpaid beside completed and confirming', () => {
    expect(cryptoPaymentNotes(fields({ status: 'completed', paid_late: true, received_amount: '0.05000000' }))).toEqual(['paidLate']);
    expect(cryptoPaymentNotes(fields({ status: 'completed', overpaid: true, received_amount: '0.06000000' }))).toEqual(['overpaid']);
    expect(cryptoPaymentNotes(fields({ status: 'confirming', overpaid: true, paid_late: true, received_amount: '0.06000000' }))).toEqual([
      'overpaid',
      'paidLate',
    ]);
  });
  it('adds nothing to a plain payment, nor the underpaid note where the top-up text already says it', () => {
    expect(cryptoPaymentNotes(fields())).toEqual([]);
    expect(cryptoPaymentNotes(fields({ status: 'completed', received_amount: '0.05000000' }))).toEqual([]);
    expect(cryptoPaymentNotes(fields({ status: 'pending', underpaid: true, received_amount: '0.01000000' }))).toEqual([]);
  });
});

describe('pollMode and stateSignature', () => {
  it('polls open payments often, expired ones gently (a late deposit still arrives), final ones never', () => {
    expect(pollMode('waiting')).toBe('open');
    expect(pollMode('topUp')).toBe('open');
    expect(pollMode('seen')).toBe('open');
    expect(pollMode('confirming')).toBe('open');
    expect(pollMode('expired')).toBe('expired');
    expect(pollMode('completed')).toBe('final');
    expect(pollMode('failed')).toBe('final');
  });
  it('changes with every field the page renders differently for', () => {
    const base = stateSignature(fields({ status: 'confirming', confirmations: 2, received_amount: '0.05000000', tx_hash: 'ab' }));
    for (const over of [
      { confirmations: 3 },
      { status: 'completed' as const },
      { received_amount: '0.06000000' },
      { overpaid: true },
      { paid_late: true },
      { underpaid: true },
      { tx_hash: 'cd' },
    ]) {
      expect(stateSignature(fields({ status: 'confirming', confirmations: 2, received_amount: '0.05000000', tx_hash: 'ab', ...over }))).not.toBe(base);
    }
  });
});

describe('the texts each view picks', () => {
  const fa = translator('fa', 'cryptoPay');
  const en = translator('en', 'cryptoPay');

  it('has a title and a body for every state the page can show, in both languages', () => {
    for (const t of [fa, en]) {
      for (const view of ['topUp', 'seen', 'confirming', 'completed', 'expired', 'failed'] as const) {
        expect(t(`${view}.title`)).not.toMatch(/cryptoPay\./);
      }
      for (const view of ['seen', 'confirming', 'expired', 'failed'] as const) expect(t(`${view}.body`).length).toBeGreaterThan(20);
    }
  });

  it('tells an expired buyer not to pay now, and a failed one to contact the shop', () => {
    expect(fa('expired.title')).toBe('مهلت پرداخت تمام شد');
    expect(fa('expired.body')).toContain('دیگر به این آدرس چیزی نفرستید');
    expect(en('expired.title')).toBe('Time is up');
    expect(en('expired.body')).toContain('Do not send anything to this address now');
    expect(en('failed.body')).toContain('contact the shop');
  });

  it('fills in amounts and confirmations in the page digits', () => {
    expect(fa('progress.count', { count: 3, required: 6 })).toBe('۳ از ۶');
    expect(en('progress.count', { count: 3, required: 6 })).toBe('3 of 6');
    expect(en('network.warningTitle', { symbol: 'USDT', network: en('network.withStandard', { network: en('network.names.tron'), standard: 'TRC-20' }) })).toBe(
      'Send only USDT on TRON (TRC-20)',
    );
    expect(fa('notes.underpaid', { received: '۰٫۰۱', requested: '۰٫۰۵', symbol: 'LTC' })).toBe('فقط ۰٫۰۱ LTC از ۰٫۰۵ LTC رسید.');
    expect(en('completed.body', { amount: '0.05', symbol: 'LTC', shop: 'Aftab Books' })).toBe('0.05 LTC was paid to Aftab Books.');
  });
});
