import { describe, expect, it } from 'vitest';
import { normalizeSmsText } from './normalize-sms-text';

describe('normalizeSmsText', () => {
  it('turns Persian and Arabic-Indic digits into ASCII', () => {
    expect(normalizeSmsText('واریز۲,۵۰۰,۰۰۰')).toBe('واریز2,500,000');
    expect(normalizeSmsText('مانده٢١,٢٥٠,٠٠٠')).toBe('مانده21,250,000');
  });

  it('writes Arabic ي, ى and ك as Persian ی and ک', () => {
    expect(normalizeSmsText('بانك سامان واريز ريال')).toBe('بانک سامان واریز ریال');
    expect(normalizeSmsText('موسى')).toBe('موسی');
  });

  it('removes zero-width and direction marks, joining words across a ZWNJ', () => {
    expect(normalizeSmsText('\uFEFF\u200Fواریز\u200E \u202A+1,000\u202C')).toBe('واریز +1,000');
    expect(normalizeSmsText('به حساب شما واریز می\u200Cشود')).toBe('به حساب شما واریز میشود');
    expect(normalizeSmsText('بـــانک\u2067 ملت\u2069')).toBe('بانک ملت');
  });

  it('unifies line breaks, collapses spaces and drops blank lines', () => {
    expect(normalizeSmsText('  بانک ملت \r\nحساب1234\r\r\n\tواریز\u00A0\u00A0 2,500,000  \u2028مانده  ')).toBe(
      'بانک ملت\nحساب1234\nواریز 2,500,000\nمانده',
    );
  });

  it('keeps digit-group separators for the amount reader', () => {
    expect(normalizeSmsText('۲٬۵۰۰٬۰۰۰ و ۲،۵۰۰،۰۰۰ و 2,500,000')).toBe('2٬500٬000 و 2،500،000 و 2,500,000');
  });

  it('writes a Unicode minus as a hyphen-minus', () => {
    expect(normalizeSmsText('\u22121,000,000')).toBe('-1,000,000');
  });

  it('is idempotent', () => {
    const once = normalizeSmsText('بانك  تجارت\r\nمبلغ: ۱٬۰۰۰٬۰۰۰ ريال');
    expect(normalizeSmsText(once)).toBe(once);
  });
});
