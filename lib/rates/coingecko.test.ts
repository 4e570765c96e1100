import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { type CoingeckoOptions, fetchCoingeckoUsdRate } from './coingecko';
import { COINGECKO_IDS, type MarketPriceAsset } from './price-assets';
import { type ProviderServer, startProviderServer } from './test-provider-server';

// CoinGecko /simple/price as it answers with include_last_updated_at=true&precision=full (docs.coingecko.com).
const UPDATED_AT = 1_711_356_300; // 2024-03-25T08:45:00Z
const recorded = (id: string, usd: string, updatedAt: number | string = UPDATED_AT) => `{"${id}":{"usd":${usd},"last_updated_at":${updatedAt}}}`;
const NOW = new Date((UPDATED_AT + 20) * 1000);

let server: ProviderServer;
beforeAll(async () => {
  server = await startProviderServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const options = (overrides: Partial<CoingeckoOptions> = {}): CoingeckoOptions => ({
  url: server.url,
  timeoutMs: 1_000,
  maxAgeSeconds: 600,
  now: () => NOW,
  ...overrides,
});

const unavailable = (message: RegExp) => expect.objectContaining({ code: 'rate_unavailable', message: expect.stringMatching(message) });

describe('fetchCoingeckoUsdRate', () => {
  it('asks /simple/price for the coin and keeps its price digit for digit', async () => {
    server.reply({ body: recorded('bitcoin', '67187.3358') });
    const quote = await fetchCoingeckoUsdRate('btc', options());
    expect(quote).toEqual({ rate: '67187.3358', source: 'coingecko', at: new Date(UPDATED_AT * 1000) });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.method).toBe('GET');
    expect(server.requests[0]!.path).toBe('/simple/price?ids=bitcoin&vs_currencies=usd&include_last_updated_at=true&precision=full');
    expect(server.requests[0]!.headers['x-cg-demo-api-key']).toBeUndefined();
  });

  it('keeps digits a float would drop', async () => {
    server.reply({ body: recorded('bitcoin', '67187.335812345678901234567') });
    expect((await fetchCoingeckoUsdRate('btc', options())).rate).toBe('67187.335812345678901234567');
  });

  it('writes an exponent out exactly', async () => {
    server.reply({ body: recorded('tron', '1.2345678e-1') }, { body: recorded('tron', '2.4e-7') });
    expect((await fetchCoingeckoUsdRate('trx', options())).rate).toBe('0.12345678');
    expect((await fetchCoingeckoUsdRate('trx', options())).rate).toBe('0.00000024');
  });

  it("asks for each asset by CoinGecko's id", async () => {
    for (const [asset, id] of Object.entries(COINGECKO_IDS) as [MarketPriceAsset, string][]) {
      server.reply({ body: recorded(id, '12.5') });
      expect((await fetchCoingeckoUsdRate(asset, options())).rate).toBe('12.5');
      expect(server.requests.at(-1)!.path).toContain(`ids=${id}&`);
    }
    expect(Object.values(COINGECKO_IDS)).toEqual(['bitcoin', 'litecoin', 'ethereum', 'binancecoin', 'tron']);
  });

  it('sends the API key as the x-cg-demo-api-key header, never in the URL', async () => {
    server.reply({ body: recorded('ethereum', '3456.78') });
    await fetchCoingeckoUsdRate('eth', options({ apiKey: 'CG-test-key-123' }));
    expect(server.requests[0]!.headers['x-cg-demo-api-key']).toBe('CG-test-key-123');
    expect(server.requests[0]!.path).not.toContain('CG-test-key-123');
  });

  it('retries once after a 500, then succeeds', async () => {
    server.reply({ status: 500, body: '{"error":"internal"}' }, { body: recorded('bitcoin', '67187.3358') });
    expect((await fetchCoingeckoUsdRate('btc', options())).rate).toBe('67187.3358');
    expect(server.requests).toHaveLength(2);
  });

  it('retries once after a 429 (rate limited), then succeeds', async () => {
    server.reply({ status: 429, body: '{"status":{"error_code":429,"error_message":"You\'ve exceeded the Rate Limit."}}' }, { body: recorded('bitcoin', '67187.3358') });
    expect((await fetchCoingeckoUsdRate('btc', options())).rate).toBe('67187.3358');
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after two failures', async () => {
    server.reply({ status: 503 }, { status: 502 }, { body: recorded('bitcoin', '1') });
    const result = fetchCoingeckoUsdRate('btc', options());
    await expect(result).rejects.toBeInstanceOf(AppError);
    await expect(result).rejects.toEqual(unavailable(/^CoinGecko rate unavailable: HTTP 502 \(also on retry\)$/));
    expect(server.requests).toHaveLength(2);
  });

  it('does not retry a 4xx: the same question gets the same answer', async () => {
    server.reply({ status: 401, body: '{"status":{"error_code":10002,"error_message":"API Key Missing"}}' });
    await expect(fetchCoingeckoUsdRate('btc', options())).rejects.toEqual(unavailable(/HTTP 401/));
    expect(server.requests).toHaveLength(1);
  });

  it('times out a server that never answers, twice', async () => {
    server.reply({ hang: true }, { hang: true });
    const started = Date.now();
    await expect(fetchCoingeckoUsdRate('btc', options({ timeoutMs: 200 }))).rejects.toEqual(unavailable(/no answer within 200 ms \(also on retry\)/));
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('retries after a timeout and takes the second answer', async () => {
    server.reply({ hang: true }, { body: recorded('bitcoin', '67187.3358') });
    expect((await fetchCoingeckoUsdRate('btc', options({ timeoutMs: 200 }))).rate).toBe('67187.3358');
    expect(server.requests).toHaveLength(2);
  });

  it('reports an unreachable server', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    await expect(fetchCoingeckoUsdRate('btc', options({ url: `http://127.0.0.1:${port}` }))).rejects.toEqual(unavailable(/could not be reached/));
  });

  it('refuses a stale price', async () => {
    server.reply({ body: recorded('bitcoin', '67187.3358', UPDATED_AT - 601) });
    await expect(fetchCoingeckoUsdRate('btc', options({ now: () => new Date(UPDATED_AT * 1000) }))).rejects.toEqual(unavailable(/stale/));
    server.reply({ body: recorded('bitcoin', '67187.3358', UPDATED_AT - 600) });
    expect((await fetchCoingeckoUsdRate('btc', options({ now: () => new Date(UPDATED_AT * 1000) }))).rate).toBe('67187.3358');
  });

  it('takes a little clock skew, but not a price from the future', async () => {
    server.reply({ body: recorded('bitcoin', '1', UPDATED_AT + 30) }, { body: recorded('bitcoin', '1', UPDATED_AT + 3_600) });
    const now = () => new Date(UPDATED_AT * 1000);
    expect((await fetchCoingeckoUsdRate('btc', options({ now }))).at).toEqual(new Date((UPDATED_AT + 30) * 1000));
    await expect(fetchCoingeckoUsdRate('btc', options({ now }))).rejects.toEqual(unavailable(/in the future/));
  });

  it('refuses malformed JSON without retrying', async () => {
    server.reply({ body: '{"bitcoin":{"usd":67187.3358,' }, { body: '<html>502 Bad Gateway</html>' });
    await expect(fetchCoingeckoUsdRate('btc', options())).rejects.toEqual(unavailable(/not valid JSON/));
    await expect(fetchCoingeckoUsdRate('btc', options())).rejects.toEqual(unavailable(/not valid JSON/));
    expect(server.requests).toHaveLength(2);
  });

  it('refuses an answer without the asset, its USD price or its time', async () => {
    const cases: [string, RegExp][] = [
      ['{}', /no price for bitcoin/],
      ['[]', /no price for bitcoin/],
      [recorded('ethereum', '3456.78'), /no price for bitcoin/],
      ['{"bitcoin":{}}', /no USD price/],
      ['{"bitcoin":{"eur":61000.5,"last_updated_at":1711356300}}', /no USD price/],
      ['{"bitcoin":{"usd":null,"last_updated_at":1711356300}}', /no USD price/],
      ['{"bitcoin":{"usd":"67187.3358","last_updated_at":1711356300}}', /no USD price/],
      ['{"bitcoin":{"usd":67187.3358}}', /no valid last_updated_at/],
      [recorded('bitcoin', '67187.3358', '1711356300.5'), /no valid last_updated_at/],
      [recorded('bitcoin', '67187.3358', '"1711356300"'), /no valid last_updated_at/],
      [recorded('bitcoin', '67187.3358', '0'), /no valid last_updated_at/],
    ];
    for (const [body, message] of cases) {
      server.reply({ body });
      await expect(fetchCoingeckoUsdRate('btc', options()), body).rejects.toEqual(unavailable(message));
    }
  });

  it('refuses a zero, negative or absurd price: never a silent zero', async () => {
    for (const usd of ['0', '0.0', '-67187.3358', '0e5', '1e999', '-0']) {
      server.reply({ body: recorded('bitcoin', usd) });
      await expect(fetchCoingeckoUsdRate('btc', options()), usd).rejects.toEqual(unavailable(/not a positive number/));
    }
  });

  it("refuses to price the pegged 'usd' (a bug, not an outage)", async () => {
    await expect(fetchCoingeckoUsdRate('usd', options())).rejects.toBeInstanceOf(RangeError);
    expect(server.requests).toHaveLength(0);
  });
});
