import {
  type Amount,
  addAmounts,
  fromRials,
  maxAmount,
  minAmount,
  multiplyAmount,
  multiplyBasisPoints,
  rialsToToman,
  roundAmount,
  subtractAmounts,
  tomanToRials,
  toRials,
} from '@/lib/money';

// The card-to-card rail's Rial rules, on top of lib/money. Amounts arrive and leave as the contract's JSON integers
// (whole Rials, safe integers: fromRials/toRials throw rather than round); everything in between is exact bigint.

export interface FeeRule {
  basisPoints: number;
  min: number;
  max?: number;
}

/** Percentage fee in whole Rials, rounded up, then held within [min, max]. */
export function calculateFee(amount: number, rule: FeeRule): number {
  const fee = maxAmount(multiplyBasisPoints(fromRials(amount), rule.basisPoints, 'up'), fromRials(rule.min));
  return toRials(rule.max === undefined ? fee : minAmount(fee, fromRials(rule.max)));
}

/** What the buyer transfers before the uniqueness offset. */
export function payableAmount(amount: number, fee: number, feeSide: 'customer' | 'merchant'): number {
  return feeSide === 'customer' ? toRials(addAmounts(fromRials(amount), fromRials(fee))) : amount;
}

export interface OffsetRule {
  /** Rials, a multiple of 10 (whole Toman). */
  step: number;
  maxSteps: number;
  /** The offset stays within this share of the amount (basis points), though one step is always allowed. */
  maxBasisPoints: number;
}

/** Banking apps take whole Toman-friendly Rials, and a final amount is always one: `rials` rounded up to whole Toman. */
const upToWholeToman = (rials: Amount): Amount => tomanToRials(roundAmount(rialsToToman(rials), 0, 'up'));

/** The final amounts create may offer for `base`, smallest first: never `base` itself. */
export function candidateFinalAmounts(base: number, rule: OffsetRule): { first: number; last: number } {
  const amount = fromRials(base);
  const step = fromRials(rule.step);
  // Whole Toman, fee included, then at least one step more: never the round figure a stranger might send by chance.
  const first = addAmounts(upToWholeToman(amount), step);
  // Whole steps from `first` that stay within the allowed share of `base` (none when even `first` is beyond it).
  const room = subtractAmounts(addAmounts(amount, multiplyBasisPoints(amount, rule.maxBasisPoints, 'down')), first);
  const more = room.units > 0n ? room.units / step.units : 0n;
  const steps = more < BigInt(rule.maxSteps - 1) ? more : BigInt(rule.maxSteps - 1);
  return { first: toRials(first), last: toRials(addAmounts(first, multiplyAmount(step, steps))) };
}

/**
 * The smallest final amount for `base` that is not among `taken` (the merchant's final amounts a deposit SMS could
 * still name), or null when every allowed one is taken.
 */
export function chooseFinalAmount(base: number, taken: ReadonlySet<number>, rule: OffsetRule): number | null {
  const { first, last } = candidateFinalAmounts(base, rule);
  for (let amount = first; amount <= last; amount += rule.step) {
    if (!taken.has(amount)) return amount;
  }
  return null;
}
