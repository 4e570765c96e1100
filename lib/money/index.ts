// The public API of lib/money: exact amounts in integer base units (see amount.ts for the model).
export { type Amount, amount, MAX_DECIMALS, MAX_UNITS } from './amount';
export { parseAmount, safeParseAmount, type ParseAmountOptions, type ParseAmountResult } from './parse-amount';
export { formatAmount } from './format-amount';
export { amountSchema, decimalTextSchema } from './amount-schema';
export { addAmounts, multiplyAmount, subtractAmounts } from './arithmetic';
export { compareAmounts, maxAmount, minAmount } from './compare-amounts';
export { multiplyBasisPoints, roundAmount, type Rounding } from './rounding';
export { fromRials, RIAL_DECIMALS, rialsToToman, toRials, TOMAN_DECIMALS, tomanToRials } from './rials';
