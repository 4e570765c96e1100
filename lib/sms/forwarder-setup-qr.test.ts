import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import { forwarderSetupPayload, forwarderSetupQrDataUrl } from './forwarder-setup-qr';

const setup = { url: 'https://pay.example.com/api/sms/inbound', token: 'kpay_dv_Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE' };

/** The dark modules an SVG from `qrcode` draws: its path is rows of "M<x> <y+0.5>" / "m<dx> <dy>" moves and "h<n>" runs. */
function darkModules(svg: string): Set<string> {
  const path = /<path stroke="#000000" d="([^"]+)"/.exec(svg)![1]!;
  const dark = new Set<string>();
  let x = 0;
  let y = 0;
  for (const [, op, a, b] of path.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (op === 'M') [x, y] = [Number(a), Number(b) - 0.5];
    else if (op === 'm') [x, y] = [x + Number(a), y + Number(b)];
    else {
      for (let i = 0; i < Number(a); i++) dark.add(`${x + i},${y}`);
      x += Number(a);
    }
  }
  return dark;
}

describe('forwarderSetupPayload', () => {
  it('is a versioned JSON object naming itself, with the inbound URL, method and token', () => {
    expect(JSON.parse(forwarderSetupPayload(setup))).toEqual({ kpay: 'sms-forwarder', v: 1, url: setup.url, method: 'POST', token: setup.token });
  });
});

describe('forwarderSetupQrDataUrl', () => {
  it('draws exactly the error-correction-M QR code of the payload, inside a 4-module quiet zone', async () => {
    const payload = forwarderSetupPayload(setup);
    const url = await forwarderSetupQrDataUrl(payload);
    expect(url).toMatch(/^data:image\/svg\+xml;base64,/);
    const svg = Buffer.from(url.split(',')[1]!, 'base64').toString();

    const qr = QRCode.create(payload, { errorCorrectionLevel: 'M' });
    const size = qr.modules.size;
    expect(svg).toContain(`viewBox="0 0 ${size + 8} ${size + 8}"`);
    const expected = new Set<string>();
    for (let row = 0; row < size; row++) for (let col = 0; col < size; col++) if (qr.modules.get(row, col)) expected.add(`${col + 4},${row + 4}`);
    expect(darkModules(svg)).toEqual(expected);
    // Small enough to scan from a phone screen.
    expect(qr.version).toBeLessThanOrEqual(10);
  });
});
