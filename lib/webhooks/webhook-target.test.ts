import { afterEach, describe, expect, it, vi } from 'vitest';
import { isPublicAddress, parseWebhookUrl, resolveWebhookTarget } from './webhook-target';

// The suite allows private targets for its local receivers; these tests turn the guard back on.
const CONFIG = Symbol.for('kpay.config');
function withPrivateTargets(allowed: boolean) {
  vi.stubEnv('KPAY_ALLOW_PRIVATE_WEBHOOKS', allowed ? '1' : '0');
  delete (globalThis as Record<symbol, unknown>)[CONFIG];
}
afterEach(() => {
  vi.unstubAllEnvs();
  delete (globalThis as Record<symbol, unknown>)[CONFIG];
});

describe('isPublicAddress', () => {
  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111'])('%s is public', (a) => expect(isPublicAddress(a)).toBe(true));
  it.each([
    '127.0.0.1', '10.0.0.5', '172.16.3.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1',
    '255.255.255.255', '::1', 'fe80::1', 'fd00:ec2::254', '::ffff:127.0.0.1', '::ffff:10.0.0.1', '2001:db8::1', 'nonsense',
  ])('%s is refused', (a) => expect(isPublicAddress(a)).toBe(false));
});

describe('resolveWebhookTarget with the guard on', () => {
  it.each([
    'http://127.0.0.1:8080/hook', 'http://localhost/hook', 'http://[::1]/hook', 'http://169.254.169.254/latest/meta-data',
    'http://10.1.2.3/hook', 'https://192.168.0.10/hook', 'http://0x7f000001/hook', 'http://2130706433/hook',
  ])('refuses %s', async (url) => {
    withPrivateTargets(false);
    await expect(resolveWebhookTarget(url)).rejects.toThrow(/public address|resolve/);
  });

  it('refuses other schemes and credentials', async () => {
    withPrivateTargets(false);
    await expect(resolveWebhookTarget('ftp://8.8.8.8/x')).rejects.toThrow(/http or https/);
    await expect(resolveWebhookTarget('http://u:p@8.8.8.8/x')).rejects.toThrow(/credentials/);
  });

  it('accepts a public address and pins it', async () => {
    withPrivateTargets(false);
    await expect(resolveWebhookTarget('https://8.8.8.8/hook')).resolves.toMatchObject({ address: '8.8.8.8', family: 4 });
  });

  it('lets private targets through only when KPAY_ALLOW_PRIVATE_WEBHOOKS=1', async () => {
    withPrivateTargets(true);
    await expect(resolveWebhookTarget('http://127.0.0.1:9/hook')).resolves.toMatchObject({ address: '127.0.0.1' });
  });
});

describe('parseWebhookUrl (no DNS, for use inside a database transaction)', () => {
  it('applies the scheme, credentials and IP-literal rules, and leaves names to be resolved at delivery', () => {
    withPrivateTargets(false);
    expect(() => parseWebhookUrl('ftp://8.8.8.8/x')).toThrow(/http or https/);
    expect(() => parseWebhookUrl('http://u:p@8.8.8.8/x')).toThrow(/credentials/);
    expect(() => parseWebhookUrl('http://127.0.0.1/hook')).toThrow(/public address/);
    expect(() => parseWebhookUrl('http://[fd00::1]/hook')).toThrow(/public address/);
    expect(parseWebhookUrl('HTTPS://Shop.Example/hook').toString()).toBe('https://shop.example/hook');
    expect(parseWebhookUrl('http://localhost/hook').hostname).toBe('localhost');
  });
});
