import { describe, expect, it } from 'vitest';
import { checkCardNumber } from '../card-number';
import { checkSheba } from '../sheba';
import { type SmsDestination, destinationFitsCard, parseSmsDestination } from './sms-destination';

// Luhn-valid cards of known banks, and Shebas with valid check digits whose account parts hold the SMS accounts.
const MELLAT_CARD = '6104337812345674';
const KESHAVARZI_CARD = '6037701234018783';
/** Mellat account 1234567890: 0 (type) + 000000001234567890. */
const MELLAT_SHEBA = 'IR160120000000001234567890';
/** Melli account 0123456789001, its leading zero dropped in the Sheba's padding. */
const MELLI_SHEBA = 'IR110170000000123456789001';
/** Pasargad 777.888.20000275.1 with its groups padded: 0 0777 0888 20000275 01. */
const PASARGAD_SHEBA = 'IR580570077708882000027501';
/** Saman 299-100-1112233-1 with its groups padded: 0 0299 100 01112233 001. */
const SAMAN_SHEBA = 'IR170560029910001112233001';

const card = (cardNumber: string, sheba: string | null = null) => ({ cardNumber, sheba });
const fits = (printed: string, target: { cardNumber: string; sheba: string | null }): boolean => {
  const destination = parseSmsDestination(printed);
  if (!destination) throw new Error(`No destination in ${printed}`);
  return destinationFitsCard(destination, target);
};

describe('test data', () => {
  it('uses valid cards and Shebas', () => {
    for (const number of [MELLAT_CARD, KESHAVARZI_CARD]) expect(checkCardNumber(number).ok).toBe(true);
    for (const sheba of [MELLAT_SHEBA, MELLI_SHEBA, PASARGAD_SHEBA, SAMAN_SHEBA]) expect(checkSheba(sheba).ok).toBe(true);
  });
});

describe('parseSmsDestination', () => {
  it.each<[string, SmsDestination]>([
    ['1111****222233', { kind: 'card', leading: '1111', trailing: '222233' }],
    ['6104****1234', { kind: 'card', leading: '6104', trailing: '1234' }],
    ['6104-33**-****-7890', { kind: 'card', leading: '610433', trailing: '7890' }],
    ['۶۱۰۴****۱۲۳۴', { kind: 'card', leading: '6104', trailing: '1234' }],
    ['8783*', { kind: 'card', leading: '8783', trailing: '' }],
    ['****1234', { kind: 'card', leading: '', trailing: '1234' }],
    [MELLAT_CARD, { kind: 'card', leading: MELLAT_CARD, trailing: '' }],
    ['1234567890', { kind: 'account', digits: '1234567890', groups: ['1234567890'] }],
    ['777.888.20000275.1', { kind: 'account', digits: '777888200002751', groups: ['777', '888', '20000275', '1'] }],
    ['299-100-1112233-1', { kind: 'account', digits: '29910011122331', groups: ['299', '100', '1112233', '1'] }],
    ['6104337812345675', { kind: 'account', digits: '6104337812345675', groups: ['6104337812345675'] }],
  ])('%s', (printed, expected) => {
    expect(parseSmsDestination(printed)).toEqual(expected);
  });

  it('finds no destination in nothing, or in stars alone', () => {
    expect(parseSmsDestination(null)).toBeNull();
    expect(parseSmsDestination('****')).toBeNull();
    expect(parseSmsDestination('-.-')).toBeNull();
  });
});

describe('destinationFitsCard: masked cards', () => {
  it('fits when the visible digits start and end the card number', () => {
    expect(fits('6104****5674', card(MELLAT_CARD))).toBe(true);
    expect(fits('6104-33**-****-5674', card(MELLAT_CARD))).toBe(true);
    expect(fits('610433******5674', card('6104 3378 1234 5674'))).toBe(true);
    expect(fits('****5674', card(MELLAT_CARD))).toBe(true);
    expect(fits(MELLAT_CARD, card(MELLAT_CARD))).toBe(true);
  });

  it('does not fit another card', () => {
    expect(fits('6104****5675', card(MELLAT_CARD))).toBe(false);
    expect(fits('6037****5674', card(MELLAT_CARD))).toBe(false);
    expect(fits('6104-34**-****-5674', card(MELLAT_CARD))).toBe(false);
    expect(fits('****1234', card(MELLAT_CARD))).toBe(false);
    expect(fits('6104337812345682', card(MELLAT_CARD))).toBe(false);
  });

  it('takes one group before the stars as the first or the last digits', () => {
    expect(fits('8783*', card(KESHAVARZI_CARD))).toBe(true);
    expect(fits('6037*', card(KESHAVARZI_CARD))).toBe(true);
    expect(fits('8784*', card(KESHAVARZI_CARD))).toBe(false);
  });

  it('does not fit more visible digits than a card has', () => {
    expect(fits('610433781234****45674', card(MELLAT_CARD))).toBe(false);
  });

  it('ignores the Sheba for a masked card', () => {
    expect(fits('6104****5674', card(MELLAT_CARD, MELLI_SHEBA))).toBe(true);
    expect(fits('6104****5675', card(MELLAT_CARD, MELLAT_SHEBA))).toBe(false);
  });
});

describe('destinationFitsCard: account numbers', () => {
  it('fits when the account lies in the account part of the card\'s Sheba', () => {
    expect(fits('1234567890', card(MELLAT_CARD, MELLAT_SHEBA))).toBe(true);
    expect(fits('0123456789001', card(MELLAT_CARD, MELLI_SHEBA))).toBe(true);
    expect(fits('1234567890', card(MELLAT_CARD, 'ir16 0120 0000 0000 1234 5678 90'))).toBe(true);
  });

  it('fits dotted and dashed accounts whose groups the Sheba pads', () => {
    expect(fits('777.888.20000275.1', card(MELLAT_CARD, PASARGAD_SHEBA))).toBe(true);
    expect(fits('299-100-1112233-1', card(MELLAT_CARD, SAMAN_SHEBA))).toBe(true);
  });

  it('does not fit another account', () => {
    expect(fits('1234567891', card(MELLAT_CARD, MELLAT_SHEBA))).toBe(false);
    expect(fits('777.888.20000276.1', card(MELLAT_CARD, PASARGAD_SHEBA))).toBe(false);
    expect(fits('299-100-1112233-2', card(MELLAT_CARD, SAMAN_SHEBA))).toBe(false);
    // The groups in another order.
    expect(fits('888.777.20000275.1', card(MELLAT_CARD, PASARGAD_SHEBA))).toBe(false);
    // Other digits between the groups, not padding.
    expect(fits('777.20000275.1', card(MELLAT_CARD, PASARGAD_SHEBA))).toBe(false);
  });

  it('does not look at the check digits or the bank code', () => {
    // "1601200" is the check digits and bank code of MELLAT_SHEBA followed by its first account-part zeros.
    expect(fits('1601200', card(MELLAT_CARD, MELLAT_SHEBA))).toBe(false);
  });

  it('does not fit without a Sheba, or with one that is not a Sheba', () => {
    expect(fits('1234567890', card(MELLAT_CARD))).toBe(false);
    expect(fits('1234567890', card(MELLAT_CARD, ''))).toBe(false);
    expect(fits('1234567890', card(MELLAT_CARD, 'IR16012000000000123456789'))).toBe(false);
  });

  it('does not fit an account of zeros', () => {
    expect(fits('000.000', card(MELLAT_CARD, MELLAT_SHEBA))).toBe(false);
  });
});
