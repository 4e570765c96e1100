import { checkCardNumber, normalizeCardNumber } from '../card-number';
import { toAsciiDigits } from '../digits';
import { normalizeSheba } from '../sheba';

/**
 * Where a bank SMS says the money went.
 * - card: a masked card number, as the visible digits before and after the stars (either may be empty).
 * - account: an account number; `digits` with separators dropped, `groups` as the bank printed them between dots or
 *   dashes (one group when it printed none), since a Sheba may pad each group.
 */
export type SmsDestination =
  | { kind: 'card'; leading: string; trailing: string }
  | { kind: 'account'; digits: string; groups: readonly string[] };

const CARD_DIGITS = 16;
const digitsOf = (text: string): string => text.replace(/\D/g, '');

/** The destination in parseBankSms's `account` ("6104****1234", "حساب" digits, "777.888.20000275.1"), or null. */
export function parseSmsDestination(account: string | null): SmsDestination | null {
  if (account === null) return null;
  const printed = toAsciiDigits(account);
  const firstStar = printed.indexOf('*');
  if (firstStar >= 0) {
    const leading = digitsOf(printed.slice(0, firstStar));
    const trailing = digitsOf(printed.slice(printed.lastIndexOf('*') + 1));
    // All stars names nothing that could be checked.
    return leading || trailing ? { kind: 'card', leading, trailing } : null;
  }
  const groups = printed.split(/\D+/).filter(Boolean);
  const digits = groups.join('');
  if (!digits) return null;
  // A card printed whole is a card: an account number is not 16 digits passing the Luhn check with a bank's BIN.
  if (checkCardNumber(digits).ok) return { kind: 'card', leading: digits, trailing: '' };
  return { kind: 'account', digits, groups };
}

function maskFitsCardNumber(mask: { leading: string; trailing: string }, cardNumber: string): boolean {
  const card = normalizeCardNumber(cardNumber);
  if (!/^\d{16}$/.test(card)) return false;
  const { leading, trailing } = mask;
  if (!leading && !trailing) return false;
  if (leading.length + trailing.length > CARD_DIGITS) return false;
  // One group ahead of the stars ("8783*"): banks print the first or the last digits that way, so either may fit.
  if (!trailing) return card.startsWith(leading) || card.endsWith(leading);
  return card.startsWith(leading) && card.endsWith(trailing);
}

/** Sheba: IR, 2 check digits, 3-digit bank code, then the account part (account type and the padded account). */
const SHEBA = /^IR\d{2}\d{3}(\d{19})$/;

function accountFitsSheba(groups: readonly string[], sheba: string | null): boolean {
  // Without a Sheba nothing ties an account number to this card.
  const accountPart = sheba ? SHEBA.exec(normalizeSheba(sheba))?.[1] : undefined;
  if (!accountPart) return false;
  const significant = groups.map((group) => group.replace(/^0+/, ''));
  if (significant.every((group) => group === '')) return false;
  // The Sheba pads each group with zeros (Pasargad 777.888.20000275.1 may be 0777 0888 20000275 01 there), so only
  // zeros may stand between the groups; an account printed without separators must appear as it is.
  return new RegExp(significant.join('0*')).test(accountPart);
}

/**
 * Whether the destination an SMS names can be this card: a masked card's visible digits start and end the card
 * number; an account's digits (leading zeros dropped) lie in the account part of the card's Sheba. False when an
 * account is named and the card has no Sheba: KPay cannot tell the account is this card's.
 */
export function destinationFitsCard(
  destination: SmsDestination,
  card: { cardNumber: string; sheba: string | null },
): boolean {
  return destination.kind === 'card'
    ? maskFitsCardNumber(destination, card.cardNumber)
    : accountFitsSheba(destination.groups, card.sheba);
}
