import { describe, expect, it } from 'vitest';
import { normalizeMobile } from './mobile';

describe('normalizeMobile', () => {
  it.each([
    ['09121234567', '09121234567'],
    ['9121234567', '09121234567'],
    ['+989121234567', '09121234567'],
    ['00989121234567', '09121234567'],
    ['989121234567', '09121234567'],
    ['۰۹۱۲۱۲۳۴۵۶۷', '09121234567'],
    ['٠٩١٢١٢٣٤٥٦٧', '09121234567'],
    ['+98 912 123-4567', '09121234567'],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeMobile(input)).toBe(expected);
  });

  it.each(['0912123456', '091212345678', '08121234567', '+19121234567', 'abc', '', '0912 123 456a'])('rejects %s', (input) => {
    expect(normalizeMobile(input)).toBeNull();
  });
});
