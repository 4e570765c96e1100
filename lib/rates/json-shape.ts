import { isLosslessNumber } from 'lossless-json';

/** A JSON object from lossless-json: not null, not an array, not a number. */
export const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !isLosslessNumber(value);

/** An object's own property: a provider's answer never reaches Object.prototype ("constructor", "__proto__"). */
export const ownField = (object: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(object, key) ? object[key] : undefined;
