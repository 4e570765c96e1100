import { describe, expect, it } from 'vitest';
import { clientNetwork } from './client-ip';

describe('clientNetwork', () => {
  it('keys IPv4 by the address, also when written IPv4-mapped', () => {
    expect(clientNetwork('203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(clientNetwork('203.0.113.8')).not.toBe(clientNetwork('203.0.113.7'));
  });

  it('keys IPv6 by its /64, whatever the spelling', () => {
    const key = clientNetwork('2001:db8:1:2::1');
    expect(key).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe(key);
    expect(clientNetwork('2001:db8:1:3::1')).not.toBe(key);
  });

  it('keys anything unparsable as written', () => {
    expect(clientNetwork('unknown')).toBe('unknown');
  });
});
