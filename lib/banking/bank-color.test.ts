import { describe, expect, it } from 'vitest';
import { bankByCode } from './banks';
import { textToneOn } from './bank-color';

describe('textToneOn', () => {
  it('puts dark text on light colours and light text on dark ones', () => {
    expect(textToneOn('#ffffff')).toBe('dark');
    expect(textToneOn('#000000')).toBe('light');
  });

  it('reads on the banks’ own colours', () => {
    expect(textToneOn(bankByCode('sepah')!.color)).toBe('dark');
    expect(textToneOn(bankByCode('pasargad')!.color)).toBe('dark');
    expect(textToneOn(bankByCode('melli')!.color)).toBe('light');
    expect(textToneOn(bankByCode('mellat')!.color)).toBe('light');
  });
});
