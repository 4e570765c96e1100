import { describe, expect, it } from 'vitest';
import { classifySmsSender } from './sms-sender';

describe('classifySmsSender', () => {
  it.each([
    ['09121234567', '09121234567'],
    ['+989121234567', '+989121234567'],
    ['00989121234567', '00989121234567'],
    ['989121234567', '989121234567'],
    ['۰۹۱۲۱۲۳۴۵۶۷', '09121234567'],
    ['٠٩١٢١٢٣٤٥٦٧', '09121234567'],
    ['0912 123 4567', '09121234567'],
    ['+98 (912) 123-4567', '+989121234567'],
    ['9351234567', '9351234567'],
  ])('%s is a personal mobile', (sender, normalized) => {
    expect(classifySmsSender(sender)).toEqual({ normalized, kind: 'personal_mobile', suggestedBankCode: null });
  });

  it.each([
    ['+98700717', '+98700717'],
    ['9820001234', '9820001234'],
    ['3000123', '3000123'],
    ['۳۰۰۰ ۱۲۳', '3000123'],
    ['0912123456', '0912123456'],
    ['+19121234567', '+19121234567'],
  ])('%s is a short code', (sender, normalized) => {
    expect(classifySmsSender(sender)).toEqual({ normalized, kind: 'short_code', suggestedBankCode: null });
  });

  it.each([
    ['Bank Mellat', 'bankmellat', 'mellat'],
    ['BMI', 'bmi', 'melli'],
    ['blu', 'blu', 'saman'],
    ['Bankino', 'bankino', 'middle-east'],
    ['BankPasargad', 'bankpasargad', 'pasargad'],
    ['بانک ملت', 'بانکملت', 'mellat'],
    ['بانك صادرات', 'بانکصادرات', 'saderat'],
    ['Digikala', 'digikala', null],
    ['', '', null],
  ])('%s is alphanumeric', (sender, normalized, suggestedBankCode) => {
    expect(classifySmsSender(sender)).toEqual({ normalized, kind: 'alphanumeric', suggestedBankCode });
  });
});
