import { describe, expect, it } from 'vitest';
import { signWebhook, verifyWebhookSignature } from './sign-webhook';

describe('webhook signature', () => {
  // A fixed vector (computed with openssl dgst -sha256 -hmac): merchants can check their own code against it.
  const secret = 'whsec_test_0123456789abcdef';
  const body = '{"id":"evt_1","type":"transaction.paid"}';
  const header = 't=1795771200,v1=b07dd2422a43baf304b4e42ecdc02f1f6d8d8a9d4dc9ed12ef1c098c282a2933';

  it('matches the published test vector', () => {
    expect(signWebhook(secret, body, 1795771200)).toBe(header);
  });

  it('verifies within the tolerance and rejects a changed body, secret or an old timestamp', () => {
    const now = 1795771200 * 1000 + 60_000;
    expect(verifyWebhookSignature(secret, body, header, 300, now)).toBe(true);
    expect(verifyWebhookSignature(secret, body.replace('paid', 'verified'), header, 300, now)).toBe(false);
    expect(verifyWebhookSignature('whsec_other', body, header, 300, now)).toBe(false);
    expect(verifyWebhookSignature(secret, body, header, 300, now + 600_000)).toBe(false);
    expect(verifyWebhookSignature(secret, body, 'garbage', 300, now)).toBe(false);
  });
});
