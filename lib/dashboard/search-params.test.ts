import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { firstValue, readSearchParams } from './search-params';

const params = z.object({
  period: z.enum(['7d', '30d']).default('7d'),
  shop: z.uuid().optional(),
  page: z.coerce.number().int().min(1).default(1),
});
const SHOP = '00000000-0000-4000-8000-000000000001';

describe('readSearchParams', () => {
  it('reads valid values with the schema, coercion included', () => {
    expect(readSearchParams({ period: '30d', shop: SHOP, page: '3' }, params)).toEqual({ period: '30d', shop: SHOP, page: 3 });
  });

  it('gives a missing or invalid field its default and keeps the valid ones', () => {
    expect(readSearchParams({}, params)).toEqual({ period: '7d', page: 1 });
    expect(readSearchParams({ period: 'forever', shop: 'nope', page: '2' }, params)).toEqual({ period: '7d', page: 2 });
    expect(readSearchParams({ period: '30d', page: '-1' }, params)).toEqual({ period: '30d', page: 1 });
  });

  it('reads the first of a repeated parameter and ignores fields outside the schema', () => {
    expect(readSearchParams({ page: ['2', '5'], per_page: '100' }, params)).toEqual({ period: '7d', page: 2 });
  });

  it('falls back to the defaults when the survivors break a rule across fields', () => {
    const range = z.object({ from: z.coerce.number().default(0), to: z.coerce.number().default(10) }).refine((r) => r.from <= r.to);
    expect(readSearchParams({ from: '5', to: '2' }, range)).toEqual({ from: 0, to: 10 });
  });
});

describe('firstValue', () => {
  it('takes the first of several values', () => {
    expect(firstValue(['a', 'b'])).toBe('a');
    expect(firstValue('a')).toBe('a');
    expect(firstValue(undefined)).toBeUndefined();
  });
});
