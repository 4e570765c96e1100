import { describe, expect, it } from 'vitest';
import { checkSheba, isShebaChecksumValid } from './sheba';

describe('checkSheba', () => {
  it.each([
    ['IR870570028180010653892101', 'pasargad'],
    ['IR240150000001177301920207', 'sepah'],
    ['IR160120000000001234567890', 'mellat'],
  ])('accepts %s (%s)', (sheba, bank) => {
    const check = checkSheba(sheba);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.bank?.code).toBe(bank);
  });

  it('normalises spaces, lower case and Persian digits', () => {
    expect(checkSheba('ir87 0570 0281 8001 0653 8921 01')).toMatchObject({ ok: true, sheba: 'IR870570028180010653892101' });
    expect(checkSheba('IR۸۷۰۵۷۰۰۲۸۱۸۰۰۱۰۶۵۳۸۹۲۱۰۱')).toMatchObject({ ok: true, sheba: 'IR870570028180010653892101' });
  });

  it('rejects a wrong check digit, a changed account digit and bad shapes', () => {
    expect(isShebaChecksumValid('IR880570028180010653892101')).toBe(false);
    expect(checkSheba('IR870570028180010653892102')).toEqual({ ok: false, message: 'Sheba checksum is not valid (check for a typo)' });
    expect(checkSheba('DE870570028180010653892101')).toEqual({ ok: false, message: 'Sheba must be IR followed by 24 digits' });
    expect(checkSheba('IR8705700281800106538921')).toEqual({ ok: false, message: 'Sheba must be IR followed by 24 digits' });
  });
});
