export interface FeeRule {
  basisPoints: number;
  min: number;
  max?: number;
}

/** Percentage fee in whole Rials, rounded up, then held within [min, max]. Integer arithmetic only. */
export function calculateFee(amount: number, rule: FeeRule): number {
  const raw = Number((BigInt(amount) * BigInt(rule.basisPoints) + 9_999n) / 10_000n);
  const floored = Math.max(raw, rule.min);
  return rule.max === undefined ? floored : Math.min(floored, rule.max);
}

/** What the buyer transfers before the uniqueness offset. */
export function payableAmount(amount: number, fee: number, feeSide: 'customer' | 'merchant'): number {
  return feeSide === 'customer' ? amount + fee : amount;
}

export interface OffsetRule {
  /** Rials, a multiple of 10 (whole Toman). */
  step: number;
  maxSteps: number;
  /** The offset stays within this share of the amount (basis points), though one step is always allowed. */
  maxBasisPoints: number;
}

/** 1 Toman = 10 Rials: banking apps take whole Toman-friendly Rials, and a final amount is always one. */
const TOMAN = 10;

/** The final amounts create may offer for `base`, smallest first: never `base` itself. */
export function candidateFinalAmounts(base: number, rule: OffsetRule): { first: number; last: number } {
  // Whole Toman, fee included, then at least one step more: never the round figure a stranger might send by chance.
  const first = Math.ceil(base / TOMAN) * TOMAN + rule.step;
  const maxOffset = Number((BigInt(base) * BigInt(rule.maxBasisPoints)) / 10_000n);
  const more = Math.max(0, Math.floor((base + maxOffset - first) / rule.step));
  return { first, last: first + Math.min(more, rule.maxSteps - 1) * rule.step };
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
