import { describe, expect, it } from 'vitest';
import { formatClock } from './clock';

describe('formatClock', () => {
  it('pads minutes and seconds to two digits', () => {
    expect(formatClock(582, 'en')).toBe('09:42');
    expect(formatClock(40, 'en')).toBe('00:40');
  });
  it('uses Persian digits in Persian', () => {
    expect(formatClock(582, 'fa')).toBe('۰۹:۴۲');
  });
  it('keeps counting minutes past an hour and never goes below zero', () => {
    expect(formatClock(4500, 'en')).toBe('75:00');
    expect(formatClock(-3, 'en')).toBe('00:00');
  });
});
