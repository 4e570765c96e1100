import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '@/lib/config/config';
import { AppError } from '@/lib/errors';
import { createRateQuoter, rateQuoter } from './quote-rates';
import type { RateQuote } from './rate-quote';
import { type ProviderServer, startProviderServer } from './test-provider-server';

const T0 = Date.parse('2025-06-01T10:00:00Z');
const seconds = (t: number) => Math.floor(t / 1000);
const coingeckoAnswer = (id: string, usd: string, updatedAt: number) => `{"${id}":{"usd":${usd},"last_updated_at":${seconds(updatedAt)}}}`;
const nobitexAnswer = (latest: string) =>
  JSON.stringify({
    status: 'ok',
    stats: { 'usdt-rls': { isClosed: false, bestSell: '1025000', bestBuy: '1024010', latest, mark: '1024500', dayChange: '0.97' } },
  });

let coingecko: ProviderServer;
let nobitex: ProviderServer;
let time = T0;
const clock = { now: () => new Date(time) };

beforeAll(async () => {
  [coingecko, nobitex] = await Promise.all([startProviderServer(), startProviderServer()]);
});
afterAll(() => Promise.all([coingecko.close(), nobitex.close()]));
beforeEach(() => {
  coingecko.reset();
  nobitex.reset();
  time = T0;
});

const settings = (overrides: Partial<Config['rates']> = {}): Config['rates'] => ({
  usdSource: 'coingecko',
  coingecko: { url: coingecko.url, apiKey: undefined },
  fixedUsd: {},
  irrSource: 'nobitex',
  nobitex: { url: nobitex.url },
  fixedIrrPerUsd: undefined,
  maxAgeSeconds: 600,
  cacheSeconds: 30,
  timeoutMs: 1_000,
  ...overrides,
});
const unavailable = (message: RegExp) => expect.objectContaining({ code: 'rate_unavailable', message: expect.stringMatching(message) });

describe('createRateQuoter: peg and fixed rates', () => {
  it("quotes the 'usd' stablecoin at 1 by peg, without asking anyone, whatever the source", async () => {
    for (const usdSource of ['coingecko', 'fixed'] as const) {
      const quoter = createRateQuoter(settings({ usdSource, fixedUsd: { usd: '0.99' } }), {}, clock);
      expect(await quoter.usdPerUnit('usd')).toEqual({ rate: '1', source: 'peg', at: new Date(T0) });
    }
    expect(coingecko.requests).toHaveLength(0);
  });

  it('reads fixed USD rates from configuration, canonical and dated now', async () => {
    const quoter = createRateQuoter(settings({ usdSource: 'fixed', fixedUsd: { btc: '65000.50', eth: '3000' } }), {}, clock);
    expect(await quoter.usdPerUnit('btc')).toEqual({ rate: '65000.5', source: 'fixed', at: new Date(T0) });
    expect(await quoter.usdPerUnit('eth')).toEqual({ rate: '3000', source: 'fixed', at: new Date(T0) });
    expect(coingecko.requests).toHaveLength(0);
  });

  it('names the setting when a fixed USD rate is missing or zero', async () => {
    const quoter = createRateQuoter(settings({ usdSource: 'fixed', fixedUsd: { btc: '0', eth: '0.000' } }), {}, clock);
    await expect(quoter.usdPerUnit('ltc')).rejects.toEqual(unavailable(/set KPAY_FIXED_USD_RATES for ltc/));
    await expect(quoter.usdPerUnit('btc')).rejects.toEqual(unavailable(/KPAY_FIXED_USD_RATES for btc must be a positive decimal/));
    await expect(quoter.usdPerUnit('eth')).rejects.toBeInstanceOf(AppError);
  });

  it('reads a fixed Rials-per-USD rate, and names the setting when it is missing', async () => {
    const quoter = createRateQuoter(settings({ irrSource: 'fixed', fixedIrrPerUsd: '1020000' }), {}, clock);
    expect(await quoter.irrPerUsd()).toEqual({ rate: '1020000', source: 'fixed', at: new Date(T0) });
    const unset = createRateQuoter(settings({ irrSource: 'fixed' }), {}, clock);
    await expect(unset.irrPerUsd()).rejects.toEqual(unavailable(/set KPAY_FIXED_IRR_PER_USD/));
    expect(nobitex.requests).toHaveLength(0);
  });

  it('refuses an unknown price asset as a bug', async () => {
    const quoter = createRateQuoter(settings(), {}, clock);
    await expect(quoter.usdPerUnit('doge' as never)).rejects.toBeInstanceOf(RangeError);
  });
});

describe('createRateQuoter: CoinGecko and Nobitex, cached', () => {
  it('asks CoinGecko once per cacheSeconds, per asset', async () => {
    const quoter = createRateQuoter(settings({ coingecko: { url: coingecko.url, apiKey: 'CG-key' } }), {}, clock);
    coingecko.reply({ body: coingeckoAnswer('bitcoin', '67187.3358', T0 - 10_000) });
    const first = await quoter.usdPerUnit('btc');
    expect(first).toEqual({ rate: '67187.3358', source: 'coingecko', at: new Date(T0 - 10_000) });
    expect(coingecko.requests[0]!.headers['x-cg-demo-api-key']).toBe('CG-key');

    time = T0 + 29_999; // still inside cacheSeconds: no request
    expect(await quoter.usdPerUnit('btc')).toBe(first);
    expect(coingecko.requests).toHaveLength(1);

    coingecko.reply({ body: coingeckoAnswer('ethereum', '3456.78', T0) }); // another asset has its own entry
    expect((await quoter.usdPerUnit('eth')).rate).toBe('3456.78');
    expect(coingecko.requests).toHaveLength(2);
    expect(coingecko.requests[1]!.path).toContain('ids=ethereum&');

    time = T0 + 30_000; // cacheSeconds passed: asked again
    coingecko.reply({ body: coingeckoAnswer('bitcoin', '67200.1', T0 + 25_000) });
    expect(await quoter.usdPerUnit('btc')).toEqual({ rate: '67200.1', source: 'coingecko', at: new Date(T0 + 25_000) });
    expect(coingecko.requests).toHaveLength(3);
  });

  it('asks Nobitex once per cacheSeconds', async () => {
    const quoter = createRateQuoter(settings({ cacheSeconds: 10 }), {}, clock);
    nobitex.reply({ body: nobitexAnswer('1024990') }, { body: nobitexAnswer('1025500') });
    expect(await quoter.irrPerUsd()).toEqual({ rate: '1024990', source: 'nobitex', at: new Date(T0) });
    time = T0 + 9_000;
    expect((await quoter.irrPerUsd()).rate).toBe('1024990');
    expect(nobitex.requests).toHaveLength(1);
    time = T0 + 10_000;
    expect(await quoter.irrPerUsd()).toEqual({ rate: '1025500', source: 'nobitex', at: new Date(T0 + 10_000) });
    expect(nobitex.requests).toHaveLength(2);
  });

  it('asks every time when cacheSeconds is 0', async () => {
    const quoter = createRateQuoter(settings({ cacheSeconds: 0 }), {}, clock);
    nobitex.reply({ body: nobitexAnswer('1024990') }, { body: nobitexAnswer('1024991') });
    expect((await quoter.irrPerUsd()).rate).toBe('1024990');
    expect((await quoter.irrPerUsd()).rate).toBe('1024991');
    expect(nobitex.requests).toHaveLength(2);
  });

  it('never serves a kept quote older than maxAgeSeconds, however long the cache', async () => {
    const quoter = createRateQuoter(settings({ cacheSeconds: 600, maxAgeSeconds: 60 }), {}, clock);
    coingecko.reply({ body: coingeckoAnswer('bitcoin', '67187.3358', T0 - 50_000) });
    expect((await quoter.usdPerUnit('btc')).rate).toBe('67187.3358');
    time = T0 + 11_000; // the quote is now 61 s old: asked again, and a stale answer is refused
    coingecko.reply({ body: coingeckoAnswer('bitcoin', '67187.3358', T0 - 50_000) });
    await expect(quoter.usdPerUnit('btc')).rejects.toEqual(unavailable(/stale/));
    expect(coingecko.requests).toHaveLength(2);
  });

  it('does not keep a failure: the next caller asks again', async () => {
    const quoter = createRateQuoter(settings(), {}, clock);
    coingecko.reply({ status: 404, body: '{"error":"coin not found"}' });
    await expect(quoter.usdPerUnit('btc')).rejects.toEqual(unavailable(/HTTP 404/));
    coingecko.reply({ body: coingeckoAnswer('bitcoin', '67187.3358', T0) });
    expect((await quoter.usdPerUnit('btc')).rate).toBe('67187.3358');
    expect(coingecko.requests).toHaveLength(2);

    nobitex.reply({ body: nobitexAnswer('1024990').replace('"isClosed":false', '"isClosed":true') }, { body: nobitexAnswer('1024990') });
    await expect(quoter.irrPerUsd()).rejects.toEqual(unavailable(/closed/));
    expect((await quoter.irrPerUsd()).rate).toBe('1024990');
    expect(nobitex.requests).toHaveLength(2);
  });

  it('lets concurrent callers share one request, its answer or its failure', async () => {
    const quoter = createRateQuoter(settings(), {}, clock);
    coingecko.reply({ body: coingeckoAnswer('bitcoin', '67187.3358', T0) });
    const quotes = await Promise.all([quoter.usdPerUnit('btc'), quoter.usdPerUnit('btc'), quoter.usdPerUnit('btc')]);
    expect(coingecko.requests).toHaveLength(1);
    expect(new Set(quotes).size).toBe(1);

    nobitex.reply({ status: 400, body: '{"status":"failed"}' });
    const results = await Promise.allSettled([quoter.irrPerUsd(), quoter.irrPerUsd()]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(nobitex.requests).toHaveLength(1);
    nobitex.reply({ body: nobitexAnswer('1024990') });
    expect((await quoter.irrPerUsd()).rate).toBe('1024990'); // the failed request left no slot behind
  });

  it('hands the configured URL, key, timeout, max age and its clock to the fetchers', async () => {
    const quote: RateQuote = { rate: '2', source: 'coingecko', at: new Date(T0) };
    const fetchers = { coingecko: vi.fn(async () => quote), nobitex: vi.fn(async () => ({ ...quote, source: 'nobitex' })) };
    const quoter = createRateQuoter(
      settings({ coingecko: { url: 'https://cg.example/api/v3', apiKey: 'k' }, nobitex: { url: 'https://nbx.example' }, timeoutMs: 1234, maxAgeSeconds: 77 }),
      fetchers,
      clock,
    );
    expect(await quoter.usdPerUnit('bnb')).toBe(quote);
    expect(fetchers.coingecko).toHaveBeenCalledWith('bnb', { url: 'https://cg.example/api/v3', apiKey: 'k', timeoutMs: 1234, maxAgeSeconds: 77, now: clock.now });
    await quoter.irrPerUsd();
    expect(fetchers.nobitex).toHaveBeenCalledWith({ url: 'https://nbx.example', timeoutMs: 1234, maxAgeSeconds: 77, now: clock.now });
  });
});

describe('rateQuoter', () => {
  it('is one process-wide quoter on config().rates', async () => {
    expect(rateQuoter()).toBe(rateQuoter());
    const quote = await rateQuoter().usdPerUnit('usd');
    expect(quote.rate).toBe('1');
    expect(quote.source).toBe('peg');
  });
});
