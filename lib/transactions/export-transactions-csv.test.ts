import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from './export-transactions-csv';

describe('csvField (RFC 4180)', () => {
  it('writes plain text, numbers, booleans and null as they are', () => {
    expect(csvField('INV-1001')).toBe('INV-1001');
    expect(csvField('فروشگاه تست')).toBe('فروشگاه تست');
    expect(csvField(1_250_000)).toBe('1250000');
    expect(csvField(false)).toBe('false');
    expect(csvField(null)).toBe('');
  });

  it('quotes fields with commas, quotes or line breaks and doubles the quotes', () => {
    expect(csvField('Tehran, Iran')).toBe('"Tehran, Iran"');
    expect(csvField('the "best" shop')).toBe('"the ""best"" shop"');
    expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
    expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  });
});

describe('csvField (formula injection)', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","x")', `"'=HYPERLINK(""http://evil.example"",""x"")"`],
    ['+98912', "'+98912"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\r=1', `"'\r=1"`],
  ])('neutralises %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  it('leaves those characters alone after the first position, and our own numbers alone', () => {
    expect(csvField('INV=1-2+3@4')).toBe('INV=1-2+3@4');
    expect(csvField(-5)).toBe('-5');
  });
});

describe('csvRecord', () => {
  it('joins fields with commas and ends with CRLF', () => {
    expect(csvRecord(['a', 1, null, true, 'x,y'])).toBe('a,1,,true,"x,y"\r\n');
  });
});
