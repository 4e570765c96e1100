import QRCode from 'qrcode';

/**
 * What a phone needs to forward bank SMS to KPay, as one JSON object (version 1):
 * `{"kpay":"sms-forwarder","v":1,"url":"<inbound URL>","method":"POST","token":"<device token>"}`.
 * The forwarder POSTs each SMS as JSON (`{"from","text","sentStamp","receivedStamp"}` or `{"from","text","received_at"}`)
 * to `url` with the header `Authorization: Bearer <token>`. `kpay` names the payload so a reader can tell it apart
 * from any other QR code; readers must ignore keys they do not know.
 */
export function forwarderSetupPayload(setup: { url: string; token: string }): string {
  return JSON.stringify({ kpay: 'sms-forwarder', v: 1, url: setup.url, method: 'POST', token: setup.token });
}

/**
 * The payload as a QR code, an SVG data URL for an <img> (the CSP allows data: images; nothing leaves the server).
 * Error correction M survives a screen's glare and a little blur; the 4-module quiet zone is what scanners expect.
 */
export async function forwarderSetupQrDataUrl(payload: string): Promise<string> {
  const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
