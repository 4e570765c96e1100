import { toAsciiDigits } from './digits';

export interface TypedDigits {
  /** The ASCII digits kept, at most `maxDigits`. */
  digits: string;
  /** What the input shows: the digits laid out by `group`. */
  text: string;
  /** Where the caret goes in `text`: after the same digit it followed in what was typed. */
  caret: number;
}

/**
 * Re-lays out a digits-only input (card number, Sheba) on every keystroke. It keeps Persian, Arabic and ASCII digits
 * and drops everything else (spaces, dashes, a pasted "IR"), so the input can show its own grouping. The caret stays
 * beside the digit it was next to, so editing in the middle does not throw it to the end; a Backspace or Delete that
 * only removed a group separator removes the digit beside it, as a person expects.
 */
export function regroupTypedDigits(
  typed: { text: string; caret: number; previousDigits: string; inputType?: string },
  layout: { maxDigits: number; group: (digits: string) => string },
): TypedDigits {
  const digitsIn = (s: string) => toAsciiDigits(s).replace(/\D/g, '');
  let digits = digitsIn(typed.text);
  let before = digitsIn(typed.text.slice(0, typed.caret)).length;
  if (digits === typed.previousDigits) {
    if (typed.inputType === 'deleteContentBackward' && before > 0) {
      digits = digits.slice(0, before - 1) + digits.slice(before);
      before -= 1;
    } else if (typed.inputType === 'deleteContentForward') {
      digits = digits.slice(0, before) + digits.slice(before + 1);
    }
  }
  digits = digits.slice(0, layout.maxDigits);
  before = Math.min(before, digits.length);
  const text = layout.group(digits);
  return { digits, text, caret: caretAfterDigits(text, before) };
}

function caretAfterDigits(text: string, count: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (seen === count) return i;
    if (/\d/.test(text[i]!)) seen++;
  }
  return text.length;
}

/** A Sheba the way banks print it: four-character groups from the "IR" on (IR20 0170 0000 …). */
export const groupSheba = (sheba: string): string => sheba.replace(/(.{4})(?=.)/g, '$1 ');

/** The 24 digits after "IR", grouped as on paper when the input shows "IR" as a fixed prefix (20 0170 0000 …). */
export const groupShebaDigits = (digits: string): string => groupSheba(`IR${digits}`).slice(2);
