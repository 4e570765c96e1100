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

/**
 * The smallest offset (0, step, 2·step, ...) such that base + offset is not among `taken` (the final amounts of the
 * merchant's pending transactions), or null when all `maxSteps` are taken.
 */
export function chooseOffset(base: number, taken: ReadonlySet<number>, step: number, maxSteps: number): number | null {
  for (let k = 0; k < maxSteps; k++) {
    if (!taken.has(base + k * step)) return k * step;
  }
  return null;
}
