import { describe, expect, it } from 'vitest';
import { callbackRedirectUrl, callbackUrlFitsWebsite } from './callback-url';

describe('callbackUrlFitsWebsite', () => {
  it('takes the website host and its subdomains, www or not', () => {
    expect(callbackUrlFitsWebsite('https://shop.example/back', 'https://shop.example')).toBe(true);
    expect(callbackUrlFitsWebsite('https://pay.shop.example/back?x=1', 'https://www.shop.example/')).toBe(true);
    expect(callbackUrlFitsWebsite('http://shop.example:8080/cb', 'https://shop.example')).toBe(true);
    expect(callbackUrlFitsWebsite('https://www.shop.example/cb', 'https://shop.example')).toBe(true);
  });
  it('refuses other hosts, look-alikes included', () => {
    expect(callbackUrlFitsWebsite('https://evil.example/back', 'https://shop.example')).toBe(false);
    expect(callbackUrlFitsWebsite('https://shop.example.evil.example/back', 'https://shop.example')).toBe(false);
    expect(callbackUrlFitsWebsite('https://evilshop.example/back', 'https://shop.example')).toBe(false);
    expect(callbackUrlFitsWebsite('https://shop.example@evil.example/back', 'https://shop.example')).toBe(false);
  });
  it('takes any URL when the shop has no website', () => {
    expect(callbackUrlFitsWebsite('https://anything.example/cb', null)).toBe(true);
  });
});

describe('callbackRedirectUrl', () => {
  it("adds authority and status and keeps the shop's own parameters", () => {
    expect(callbackRedirectUrl('https://shop.example/back?order=7', 'AUTH', true)).toBe('https://shop.example/back?order=7&authority=AUTH&status=OK');
  });
});
