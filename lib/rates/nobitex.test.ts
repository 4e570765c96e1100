import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { fetchNobitexIrrPerUsd, type NobitexOptions } from './nobitex';
import { type ProviderServer, startProviderServer } from './test-provider-server';

// Nobitex GET /market/stats?srcCurrency=usdt&dstCurrency=rls, in the documented shape (github.com/nobitex/docs-api):
// every price a string, in Rials.
const market = (fields: Record<string, unknown> = {}) => ({
  isClosed: false,
  bestSell: '1025000',
  bestBuy: '1024010',
  volumeSrc: '1734562.1234560000',
  volumeDst: '1776383620553.4543210000',
  latest: '1024990',
  mark: '1024500',
  dayLow: '1010000',
  dayHigh: '1031990',
  dayOpen: '1015100',
  dayClose: '1024990',
  dayChange: '0.97',
  ...fields,
});
const recorded = (fields?: Record<string, unknown>) => JSON.stringify({ status: 'ok', stats: { 'usdt-rls': market(fields) } });
const NOW = new Date('2025-06-01T10:00:00Z');

let server: ProviderServer;
beforeAll(async () => {
  server = await startProviderServer();
});
afterAll(() => server.close());
beforeEach(() => server.reset());

const options = (overrides: Partial<NobitexOptions> = {}): NobitexOptions => ({
  url: server.url,
  timeoutMs: 1_000,
  maxAgeSeconds: 600,
  now: () => NOW,
  ...overrides,
});
const unavailable = (message: RegExp) => expect.objectContaining({ code: 'rate_unavailable', message: expect.stringMatching(message) });

describe('fetchNobitexIrrPerUsd', () => {
  it("reads the usdt-rls market's latest trade price, dated when it arrived", async () => {
    server.reply({ body: recorded() });
    expect(await fetchNobitexIrrPerUsd(options())).toEqual({ rate: '1024990', source: 'nobitex', at: NOW });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]!.method).toBe('GET');
    expect(server.requests[0]!.path).toBe('/market/stats?srcCurrency=usdt&dstCurrency=rls');
  });

  it('takes a whole number written with a zero fraction, or as a JSON number, exactly', async () => {
    server.reply({ body: recorded({ latest: '1024990.0000000000' }) }, { body: recorded({ latest: 1234567890123456 }) });
    expect((await fetchNobitexIrrPerUsd(options())).rate).toBe('1024990');
    // 16 digits: a float would still hold these, but lossless-json never makes one.
    expect((await fetchNobitexIrrPerUsd(options())).rate).toBe('1234567890123456');
  });

  it('refuses a closed market', async () => {
    server.reply({ body: recorded({ isClosed: true }) }, { body: recorded({ isClosed: undefined }) });
    await expect(fetchNobitexIrrPerUsd(options())).rejects.toEqual(unavailable(/usdt-rls market is closed/));
    await expect(fetchNobitexIrrPerUsd(options())).rejects.toEqual(unavailable(/does not say the market is open/));
  });

  it('refuses a status other than ok', async () => {
    server.reply(
      { body: '{"status":"failed","code":"InvalidMarketPair","message":"Invalid market pair"}' },
      { body: JSON.stringify({ stats: { 'usdt-rls': market() } }) },
    );
    await expect(fetchNobitexIrrPerUsd(options())).rejects.toEqual(unavailable(/status "failed"/));
    await expect(fetchNobitexIrrPerUsd(options())).rejects.toEqual(unavailable(/status missing/));
  });

  it('refuses an answer without the market or its latest price', async () => {
    const cases: [string, RegExp][] = [
      ['{"status":"ok","stats":{}}', /no usdt-rls market/],
      ['{"status":"ok"}', /no usdt-rls market/],
      [JSON.stringify({ status: 'ok', stats: { 'btc-rls': market() } }), /no usdt-rls market/],
      [recorded({ latest: undefined }), /no latest price/],
      [recorded({ latest: null }), /no latest price/],
      ['[1,2]', /not a JSON object/],
    ];
    for (const [body, message] of cases) {
      server.reply({ body });
      await expect(fetchNobitexIrrPerUsd(options()), body).rejects.toEqual(unavailable(message));
    }
  });

  it('refuses zero, negative and fractional Rials: never a silent zero', async () => {
    for (const latest of ['0', '0.0', '-1024990', '1024990.5', '', ' 1024990', '1,024,990', '1.02499e6', '01024990', 0]) {
      server.reply({ body: recorded({ latest }) });
      await expect(fetchNobitexIrrPerUsd(options()), String(latest)).rejects.toEqual(unavailable(/not a positive whole number of Rials/));
    }
  });

  it('retries once after a 502, then succeeds', async () => {
    server.reply({ status: 502, body: '<html>Bad Gateway</html>' }, { body: recorded() });
    expect((await fetchNobitexIrrPerUsd(options())).rate).toBe('1024990');
    expect(server.requests).toHaveLength(2);
  });

  it('gives up after two failures', async () => {
    server.reply({ status: 429, body: '{"status":"failed","code":"TooManyRequests"}' }, { status: 500 });
    const result = fetchNobitexIrrPerUsd(options());
    await expect(result).rejects.toBeInstanceOf(AppError);
    await expect(result).rejects.toEqual(unavailable(/^Nobitex rate unavailable: HTTP 500 \(also on retry\)$/));
    expect(server.requests).toHaveLength(2);
  });

  it('times out a server that never answers', async () => {
    server.reply({ hang: true }, { hang: true });
    await expect(fetchNobitexIrrPerUsd(options({ timeoutMs: 200 }))).rejects.toEqual(unavailable(/no answer within 200 ms/));
    expect(server.requests).toHaveLength(2);
  });

  it('refuses malformed JSON without retrying', async () => {
    server.reply({ body: '{"status":"ok","stats":{"usdt-rls":{"latest":"1024990"' });
    await expect(fetchNobitexIrrPerUsd(options())).rejects.toEqual(unavailable(/not valid JSON/));
    expect(server.requests).toHaveLength(1);
  });
});
