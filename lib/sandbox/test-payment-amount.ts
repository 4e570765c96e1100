export const TEST_PAYMENT_KINDS = ['exact', 'under', 'over'] as const;
export type TestPaymentKind = (typeof TEST_PAYMENT_KINDS)[number];

/**
 * What the test wallet sends for a payment, in base units: what is still due (the amount asked, less what already
 * arrived), half of it, or one and a half times it, rounded down. The sandbox route and the hosted page's buttons both
 * read it here, so a button always names what it sends.
 */
export function testPaymentUnits(requested: bigint, received: bigint, kind: TestPaymentKind): bigint {
  const due = requested > received ? requested - received : requested;
  return kind === 'exact' ? due : kind === 'under' ? due / 2n : (due * 3n) / 2n;
}
