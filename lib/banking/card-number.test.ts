import { describe, expect, it } from 'vitest';
import { checkCardNumber, groupCardNumber, isLuhnValid, maskCardNumber, normalizeCardNumber } from './card-number';

describe('isLuhnValid', () => {
  it('accepts the textbook and issuer test numbers', () => {
    expect(isLuhnValid('79927398713')).toBe(true);
    expect(isLuhnValid('4111111111111111')).toBe(true);
    expect(isLuhnValid('6104331234567890')).toBe(true);
  });
  it('rejects a single changed digit or swapped neighbours', () => {
    expect(isLuhnValid('79927398710')).toBe(false);
    expect(isLuhnValid('6104331234567891')).toBe(false);
    expect(isLuhnValid('6104331234576890')).toBe(false);
  });
});

describe('checkCardNumber', () => {
  it('normalises spaces, dashes and Persian or Arabic digits', () => {
    expect(normalizeCardNumber('۶۱۰۴-۳۳۱۲ ۳۴۵۶ ۷۸۹۰')).toBe('6104331234567890');
    expect(normalizeCardNumber('٦١٠٤٣٣١٢٣٤٥٦٧٨٩٠')).toBe('6104331234567890');
    const check = checkCardNumber('۶۱۰۴ ۳۳۱۲ ۳۴۵۶ ۷۸۹۰');
    expect(check).toMatchObject({ ok: true, cardNumber: '6104331234567890' });
  });

  it.each([
    ['6037991234567893', 'melli', 'بانک ملی ایران'],
    ['6104331234567890', 'mellat', 'بانک ملت'],
    ['6273531234567890', 'tejarat', 'بانک تجارت'],
    ['6219861234567898', 'saman', 'بانک سامان'],
    ['5022291234567897', 'pasargad', 'بانک پاسارگاد'],
    ['5894631234567899', 'refah', 'بانک رفاه کارگران'],
    ['6221061234567891', 'parsian', 'بانک پارسیان'],
    ['6037701234567896', 'keshavarzi', 'بانک کشاورزی'],
  ])('%s is a %s card', (number, code, nameFa) => {
    const check = checkCardNumber(number);
    expect(check.ok).toBe(true);
    if (check.ok) {
      expect(check.bank.code).toBe(code);
      expect(check.bank.nameFa).toBe(nameFa);
    }
  });

  it.each([
    ['610433123456789', 'Card number must be 16 digits'],
    ['61043312345678901', 'Card number must be 16 digits'],
    ['6104abcd12345678', 'Card number must be 16 digits'],
    ['0000000000000000', 'Card number is not valid'],
    ['6104331234567891', 'Card number fails the checksum (check for a typo)'],
    ['4111111111111111', 'Card number does not belong to a known Iranian bank'],
  ])('rejects %s', (number, message) => {
    expect(checkCardNumber(number)).toEqual({ ok: false, message });
  });
});

describe('display helpers', () => {
  it('groups in fours and masks the middle', () => {
    expect(groupCardNumber('6104331234567890')).toBe('6104 3312 3456 7890');
    expect(maskCardNumber('6104331234567890')).toBe('610433******7890');
  });
});
