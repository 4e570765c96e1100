import { describe, expect, it } from 'vitest';
import { groupCardNumber } from './card-number';
import { groupSheba, groupShebaDigits, regroupTypedDigits } from './typed-digits';

const card = { maxDigits: 16, group: groupCardNumber };
const type = (text: string, caret: number, previousDigits: string, inputType = 'insertText') =>
  regroupTypedDigits({ text, caret, previousDigits, inputType }, card);

describe('regroupTypedDigits', () => {
  it('groups as the person types and moves the caret past a new separator', () => {
    expect(type('60379', 5, '6037')).toEqual({ digits: '60379', text: '6037 9', caret: 6 });
  });

  it('accepts Persian and Arabic digits, spaces and dashes, and drops the rest', () => {
    const pasted = '۶۰۳۷-٩٩١٢ 3456 x7893';
    expect(type(pasted, pasted.length, '', 'insertFromPaste')).toEqual({
      digits: '6037991234567893',
      text: '6037 9912 3456 7893',
      caret: 19,
    });
  });

  it('keeps the caret beside the digit it followed when editing in the middle', () => {
    // "6037 |9912" with a 5 typed at the caret.
    expect(type('6037 59912', 6, '60379912')).toEqual({ digits: '603759912', text: '6037 5991 2', caret: 6 });
  });

  it('deletes the digit before a separator that Backspace removed, and the one after for Delete', () => {
    // "6037 |9912": Backspace removed only the space.
    expect(type('60379912', 4, '60379912', 'deleteContentBackward')).toEqual({ digits: '6039912', text: '6039 912', caret: 3 });
    // "6037| 9912": Delete removed only the space.
    expect(type('60379912', 4, '60379912', 'deleteContentForward')).toEqual({ digits: '6037912', text: '6037 912', caret: 4 });
  });

  it('stops at the maximum number of digits', () => {
    expect(type('6037 9912 3456 78931', 20, '6037991234567893').digits).toBe('6037991234567893');
  });
});

describe('Sheba grouping', () => {
  it('groups in fours from the IR, and the digits alone as they follow a fixed IR prefix', () => {
    expect(groupSheba('IR200170000000000123456789')).toBe('IR20 0170 0000 0000 0123 4567 89');
    expect(groupShebaDigits('200170000000000123456789')).toBe('20 0170 0000 0000 0123 4567 89');
    expect(groupShebaDigits('2001')).toBe('20 01');
    expect(groupShebaDigits('2')).toBe('2');
  });
});
