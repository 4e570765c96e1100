import { normalizeMobile } from '../mobile';
import { formatNamedBySender } from './bank-sms-formats';
import { normalizeSmsText } from './normalize-sms-text';

/**
 * - personal_mobile: a person's Iranian mobile number. Banks never send from one, and anyone can text the merchant's
 *   phone, so such a sender never confirms a payment by itself.
 * - short_code: any other number (bank short codes such as +98700717 or 3000123).
 * - alphanumeric: a name ("Bank Mellat", "blu"), or anything else that is not a number.
 */
export type SmsSenderKind = 'personal_mobile' | 'short_code' | 'alphanumeric';

export interface SmsSender {
  /** One spelling per sender: ASCII digits, Persian ی/ک, no spaces, dashes or parentheses, lower case. */
  normalized: string;
  kind: SmsSenderKind;
  /** The bank (lib/banking/banks.ts code) a name-like sender names, a suggestion to the merchant only; else null. */
  suggestedBankCode: string | null;
}

/**
 * A bare 10-digit "98…" is the country code in front of an 8-digit short code (9820001234), not a mobile number
 * written without its 0: no mobile operator's prefix starts with 98.
 */
const COUNTRY_CODE_SHORT_CODE = /^98\d{8}$/;

function isPersonalMobile(normalized: string): boolean {
  return normalizeMobile(normalized) !== null && !COUNTRY_CODE_SHORT_CODE.test(normalized);
}

/** What kind of sender an SMS came from, and which bank it names, for deciding how far to trust it. */
export function classifySmsSender(sender: string): SmsSender {
  const readable = normalizeSmsText(sender);
  const normalized = readable.replace(/[\s\-()]/g, '').toLowerCase();
  if (isPersonalMobile(normalized)) return { normalized, kind: 'personal_mobile', suggestedBankCode: null };
  if (/^\+?\d+$/.test(normalized)) return { normalized, kind: 'short_code', suggestedBankCode: null };
  return { normalized, kind: 'alphanumeric', suggestedBankCode: formatNamedBySender(readable)?.bankCode ?? null };
}
