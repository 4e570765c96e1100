import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { WatchedToken } from '@/lib/chains/chain-adapter';
import { createTronAdapter, type TronAdapterOptions } from './tron-adapter';
import { tronAccountId, tronAddressOf } from './tron-address';

// Recorded java-tron answers (fixtures/README.md says where each came from and what was edited).
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const NOW_BLOCK = fixture('getnowblock.json');
const BLOCK = fixture('getblockbynum-30864544.json');
const INFOS = fixture('gettransactioninfobyblocknum-30864544.json');
const HEIGHT = 30864544;
const BLOCK_ID = '0000000001d6f4a09f60c27befccff6fe3cc593b2d6c46cdc79d3fd4f55db859';
const txId = (index: number): string => JSON.parse(BLOCK).transactions[index].txID;

// The test wallet's first two TRON addresses (m/44'/195'/0'/0/0 and /1), and the addresses the fixtures pay otherwise.
const WALLET_0 = 'TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdH';
const WALLET_1 = 'TSeJkUh4Qv67VNFwY8LaAxERygNdy6NQZK';
const STRANGER_TRX = 'TJ4eV1hnVAiFmeArBsuL6GkgTGVnWBe7eV';
const STRANGER_USDT = 'TBA6CypYJizwA9XdC7Ubgc5F1bxrQ7SqPt';
const USDT: WatchedToken = { currency: 'usdt_trc20', contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t' };
const OTHER_TOKEN_CONTRACT = 'TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8';
const watching =
  (...addresses: string[]) =>
  (address: string) =>
    addresses.includes(address);
const OURS = watching(WALLET_0, WALLET_1);

interface Reply {
  status?: number;
  body: string;
  /** Never answer (for the timeout). */
  hang?: boolean;
}
interface Recorded {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

// A stand-in TRON node on 127.0.0.1: answers each path with what the test set, records every request.
let server: Server;
let url: string;
const replies = new Map<string, Reply>();
const requests: Recorded[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = req.url ?? '';
      requests.push({ method: req.method ?? '', path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const reply = replies.get(path);
      if (reply?.hang) return;
      // java-tron answers JSON as text/plain with a trailing newline (servlet println); the adapter minds neither.
      res.writeHead(reply?.status ?? (reply ? 200 : 404), { 'content-type': 'application/json' });
      res.end(reply ? `${reply.body}\n` : 'not found');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  replies.clear();
  requests.length = 0;
});

const adapter = (overrides: Partial<TronAdapterOptions> = {}) => createTronAdapter({ url, tokens: [USDT], timeoutMs: 2_000, ...overrides });
const serveBlock = (block = BLOCK, infos = INFOS, prefix = '/wallet') => {
  replies.set(`${prefix}/getblockbynum`, { body: block });
  replies.set(`${prefix}/gettransactioninfobyblocknum`, { body: infos });
};

describe('createTronAdapter', () => {
  it('is the tron network', () => {
    expect(adapter().network).toBe('tron');
  });

  it("reads the tip from getnowblock: the head block's number and blockID", async () => {
    replies.set('/wallet/getnowblock', { body: NOW_BLOCK });
    expect(await adapter().tip()).toEqual({
      height: 47964392,
      hash: '0000000002dbe0e890dddd5df8bb75251f386daee6e5b7a6cf777d493e5d894c',
    });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/wallet/getnowblock' });
    expect(requests[0]!.headers['content-type']).toBe('application/json');
  });

  it("reads a block's hash from getblockbynum", async () => {
    replies.set('/wallet/getblockbynum', { body: BLOCK });
    expect(await adapter().blockHash(HEIGHT)).toBe(BLOCK_ID);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ method: 'POST', path: '/wallet/getblockbynum' });
    expect(JSON.parse(requests[0]!.body)).toEqual({ num: HEIGHT });
  });

  it('reads a block: header from getblockbynum, TRX transfers and TRC-20 logs to watched addresses, exact amounts', async () => {
    serveBlock();
    const block = await adapter().block(HEIGHT, OURS);
    expect(block).toEqual({
      height: HEIGHT,
      hash: BLOCK_ID,
      parentHash: '0000000001d6f49f615231bdeeddd8b563c746188d5e270a58afc87b059f29de',
      time: new Date(1623055923000),
      transfers: [
        { txHash: txId(1), outputIndex: -1, to: WALLET_0, currency: 'trx', amount: 25_000_000n },
        { txHash: txId(3), outputIndex: 0, to: WALLET_0, currency: 'usdt_trc20', amount: 532_079_999n },
        // Log 4 of the block: the ignored logs before it (another token's, a 4-topic one, a failed call's) still count.
        { txHash: txId(7), outputIndex: 4, to: WALLET_1, currency: 'usdt_trc20', amount: 1_000_001n },
      ],
    });
    expect(requests.map((r) => r.path).sort()).toEqual(['/wallet/getblockbynum', '/wallet/gettransactioninfobyblocknum']);
    for (const request of requests) expect(JSON.parse(request.body)).toEqual({ num: HEIGHT });
  });

  it('ignores transfers to addresses that are not watched, and finds them once they are', async () => {
    serveBlock();
    const ours = await adapter().block(HEIGHT, OURS);
    expect(ours.transfers.map((t) => t.to)).not.toContain(STRANGER_TRX);
    expect(ours.transfers.map((t) => t.to)).not.toContain(STRANGER_USDT);

    const all = await adapter().block(HEIGHT, watching(WALLET_0, WALLET_1, STRANGER_TRX, STRANGER_USDT));
    expect(all.transfers).toContainEqual({ txHash: txId(0), outputIndex: -1, to: STRANGER_TRX, currency: 'trx', amount: 50_000_000n });
    expect(all.transfers).toContainEqual({
      txHash: txId(8),
      outputIndex: 5,
      to: STRANGER_USDT,
      currency: 'usdt_trc20',
      amount: 3_500_000n,
    });
    expect(all.transfers).toHaveLength(5);
  });

  it('ignores a TRX transfer whose contractRet is not SUCCESS (REVERT)', async () => {
    serveBlock();
    const { transfers } = await adapter().block(HEIGHT, OURS);
    expect(JSON.parse(BLOCK).transactions[2].ret[0].contractRet).toBe('REVERT');
    expect(transfers.map((t) => t.txHash)).not.toContain(txId(2));
    // The same transaction with SUCCESS is reported: the result is what kept it out.
    serveBlock(BLOCK.replace('"contractRet": "REVERT"', '"contractRet": "SUCCESS"'));
    expect((await adapter().block(HEIGHT, OURS)).transfers).toContainEqual({
      txHash: txId(2),
      outputIndex: -1,
      to: WALLET_1,
      currency: 'trx',
      amount: 7_000_000n,
    });
  });

  it('ignores a Transfer log of a contract that is not allow-listed, and compares contracts by address', async () => {
    serveBlock();
    const { transfers } = await adapter().block(HEIGHT, OURS);
    expect(transfers.map((t) => t.txHash)).not.toContain(txId(4));
    // Only the contract's 20 bytes decide, in whichever spelling the configuration uses.
    const other = tronAccountId(OTHER_TOKEN_CONTRACT)!;
    for (const contract of [OTHER_TOKEN_CONTRACT, `41${other}`, `0x${other.toUpperCase()}`]) {
      serveBlock();
      const found = await adapter({ tokens: [{ currency: 'usdt_trc20', contract }] }).block(HEIGHT, OURS);
      expect(found.transfers.filter((t) => t.currency === 'usdt_trc20')).toEqual([
        { txHash: txId(4), outputIndex: 1, to: WALLET_1, currency: 'usdt_trc20', amount: 1_000_000n },
      ]);
    }
  });

  it('ignores a Transfer log with 4 topics (ERC-721 shape) from the allow-listed contract', async () => {
    serveBlock();
    const infos = JSON.parse(INFOS);
    expect(infos[5].log[0].topics).toHaveLength(4);
    const { transfers } = await adapter().block(HEIGHT, OURS);
    expect(transfers.map((t) => t.txHash)).not.toContain(txId(5));
  });

  it("ignores the logs of a failed call (result FAILED, receipt REVERT), and of one whose receipt is not SUCCESS", async () => {
    serveBlock();
    expect((await adapter().block(HEIGHT, OURS)).transfers.map((t) => t.txHash)).not.toContain(txId(6));
    // With only `result` cleared the receipt's REVERT still keeps it out; with both cleared it would count.
    const infos = JSON.parse(INFOS);
    delete infos[6].result;
    serveBlock(BLOCK, JSON.stringify(infos));
    expect((await adapter().block(HEIGHT, OURS)).transfers.map((t) => t.txHash)).not.toContain(txId(6));
    infos[6].receipt.result = 'SUCCESS';
    serveBlock(BLOCK, JSON.stringify(infos));
    expect((await adapter().block(HEIGHT, OURS)).transfers).toContainEqual({
      txHash: txId(6),
      outputIndex: 3,
      to: WALLET_1,
      currency: 'usdt_trc20',
      amount: 5_000_000n,
    });
  });

  it('reads amounts exactly, past what a float holds', async () => {
    // 2^53 + 1 sun as a JSON number, and a TRC-20 value of 2^200 + 1: both would lose their last digit as a float.
    const block = BLOCK.replace('"amount": 25000000,', '"amount": 9007199254740993,');
    const big = (1n << 200n) + 1n;
    const infos = INFOS.replace('000000000000000000000000000000000000000000000000000000001fb6e57f', big.toString(16).padStart(64, '0'));
    serveBlock(block, infos);
    const { transfers } = await adapter().block(HEIGHT, OURS);
    expect(transfers.find((t) => t.txHash === txId(1))?.amount).toBe(9_007_199_254_740_993n);
    expect(transfers.find((t) => t.txHash === txId(3))?.amount).toBe(big);
  });

  it('reads solidified blocks from /walletsolidity when asked to', async () => {
    replies.set('/walletsolidity/getnowblock', { body: NOW_BLOCK });
    serveBlock(BLOCK, INFOS, '/walletsolidity');
    const solid = adapter({ solidified: true });
    expect((await solid.tip()).height).toBe(47964392);
    expect(await solid.blockHash(HEIGHT)).toBe(BLOCK_ID);
    expect((await solid.block(HEIGHT, OURS)).transfers).toHaveLength(3);
    expect(new Set(requests.map((r) => r.path))).toEqual(
      new Set(['/walletsolidity/getnowblock', '/walletsolidity/getblockbynum', '/walletsolidity/gettransactioninfobyblocknum']),
    );
  });

  it('sends TronGrid\'s TRON-PRO-API-KEY header when a key is configured, and none otherwise', async () => {
    replies.set('/wallet/getnowblock', { body: NOW_BLOCK });
    await adapter({ apiKey: 'tg-key-1234' }).tip();
    await adapter().tip();
    expect(requests[0]!.headers['tron-pro-api-key']).toBe('tg-key-1234');
    expect(requests[1]!.headers['tron-pro-api-key']).toBeUndefined();
  });

  it('throws an error naming the endpoint when the node answers 500, garbage or its error object, never the key', async () => {
    const tron = adapter({ apiKey: 'tg-secret-key' });
    const cases: [Reply, RegExp][] = [
      [{ status: 500, body: 'Internal Server Error' }, /^TRON node \/wallet\/getnowblock: HTTP 500$/],
      [{ status: 403, body: '{"Error":"ApiKey not exists"}' }, /^TRON node \/wallet\/getnowblock: HTTP 403$/],
      [{ body: '<html>bad gateway</html>' }, /^TRON node \/wallet\/getnowblock: answer is not valid JSON$/],
      [{ body: '{"blockID": "00' }, /answer is not valid JSON/],
      [
        { body: '{"Error":"class java.lang.NullPointerException : null"}' },
        /^TRON node \/wallet\/getnowblock: the node reports an error: class java.lang.NullPointerException : null$/,
      ],
      [{ body: '{}' }, /^TRON node \/wallet\/getnowblock: no block \(the node answered \{\}\)$/],
      [{ body: '[1, 2]' }, /malformed answer \(the answer is not an object\)/],
    ];
    for (const [reply, message] of cases) {
      replies.set('/wallet/getnowblock', reply);
      const error: Error = await tron.tip().then(
        () => expect.unreachable(),
        (e: unknown) => e as Error,
      );
      expect(error).toBeInstanceOf(Error);
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain('tg-secret-key');
      expect(error.message).not.toContain(url);
    }
  });

  it('throws when the node cannot be reached or does not answer in time', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(createTronAdapter({ url: `http://127.0.0.1:${port}`, tokens: [] }).tip()).rejects.toThrow(
      /^TRON node \/wallet\/getnowblock: node unreachable \(fetch failed: ECONNREFUSED\)$/,
    );

    replies.set('/wallet/getnowblock', { body: '', hang: true });
    await expect(adapter({ timeoutMs: 200 }).tip()).rejects.toThrow(/^TRON node \/wallet\/getnowblock: no answer within 200 ms$/);
  });

  it('throws for a block the node does not have ({}), or a block other than the one asked for', async () => {
    serveBlock('{}', '[]');
    await expect(adapter().block(HEIGHT + 1_000, OURS)).rejects.toThrow(
      /^TRON node \/wallet\/getblockbynum: no block at height 30865544 \(the node answered \{\}\)$/,
    );
    await expect(adapter().blockHash(HEIGHT + 1_000)).rejects.toThrow(/no block at height 30865544/);
    serveBlock();
    await expect(adapter().blockHash(HEIGHT + 1)).rejects.toThrow(/asked for block 30864545, got block 30864544/);
  });

  it('throws when the transaction infos are not the block\'s (history off, or the block changed between requests)', async () => {
    serveBlock(BLOCK, '[]');
    await expect(adapter().block(HEIGHT, OURS)).rejects.toThrow(/block 30864544 has 9 transactions but 0 transaction infos/);
    const infos = JSON.parse(INFOS);
    [infos[3], infos[4]] = [infos[4], infos[3]];
    serveBlock(BLOCK, JSON.stringify(infos));
    await expect(adapter().block(HEIGHT, OURS)).rejects.toThrow(/transaction info 3 of block 30864544 is for /);
    serveBlock(BLOCK, '{}');
    await expect(adapter().block(HEIGHT, OURS)).rejects.toThrow(/gettransactioninfobyblocknum: malformed answer \(the answer is not a list\)/);
  });

  it('throws for a malformed amount rather than guessing', async () => {
    serveBlock(BLOCK.replace('"amount": 25000000,', '"amount": 25.5,'));
    await expect(adapter().block(HEIGHT, OURS)).rejects.toThrow(/malformed answer \(amount of .* is not a whole number\)/);
    serveBlock(BLOCK.replace('"amount": 25000000,', '"amount": "25000000",'));
    await expect(adapter().block(HEIGHT, OURS)).rejects.toThrow(/is not a whole number/);
  });

  it('reads a block without transactions (java-tron leaves the field out) and its empty info list', async () => {
    const block = JSON.parse(NOW_BLOCK);
    delete block.transactions;
    replies.set('/wallet/getblockbynum', { body: JSON.stringify(block) });
    replies.set('/wallet/gettransactioninfobyblocknum', { body: '[]' });
    expect(await adapter().block(47964392, OURS)).toEqual({
      height: 47964392,
      hash: '0000000002dbe0e890dddd5df8bb75251f386daee6e5b7a6cf777d493e5d894c',
      parentHash: '0000000002dbe0e7cfc367b39b54d4a53beda9b70a493a724561cad264f38e37',
      time: new Date(1674492219000),
      transfers: [],
    });
  });

  it('has no mempool to read: pending() is [] without asking the node', async () => {
    expect(await adapter().pending(OURS)).toEqual([]);
    expect(requests).toHaveLength(0);
  });

  it('refuses a token that is not a TRON token, a contract that is not a TRON address, and a bad URL', () => {
    expect(() => adapter({ tokens: [{ currency: 'usdt_erc20', contract: USDT.contract }] })).toThrow(/usdt_erc20 is not a TRON token/);
    expect(() => adapter({ tokens: [{ currency: 'trx', contract: USDT.contract }] })).toThrow(/trx is not a TRON token/);
    expect(() => adapter({ tokens: [{ currency: 'usdt_trc20', contract: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6T' }] })).toThrow(
      /is not a TRON address/,
    );
    expect(() => adapter({ tokens: [USDT, { currency: 'usdt_trc20', contract: `41${tronAccountId(USDT.contract)}` }] })).toThrow(
      /listed twice/,
    );
    expect(() => adapter({ url: 'ftp://node' })).toThrow(/must be http/);
    expect(() => adapter({ url: 'node:8090' })).toThrow(/must be http|not a URL/);
  });
});

describe('TRON addresses', () => {
  it('turns the test wallet and USDT hex forms into their T-addresses and back', () => {
    expect(tronAddressOf('c8599111f29c1e1e061265b4af93ea1f274ad78a')).toBe(WALLET_0);
    expect(tronAddressOf('b6e708a39781c96bd399c7657780ff9fe9f052a8')).toBe(WALLET_1);
    expect(tronAccountId(USDT.contract)).toBe('a614f803b6fd780986a42c78ec9c7f77e6ded13c');
    expect(tronAccountId('41A614F803B6FD780986A42C78EC9C7F77E6DED13C')).toBe('a614f803b6fd780986a42c78ec9c7f77e6ded13c');
    expect(tronAccountId('0xa614f803b6fd780986a42c78ec9c7f77e6ded13c')).toBe('a614f803b6fd780986a42c78ec9c7f77e6ded13c');
  });

  it('refuses a bad checksum, a wrong prefix and a wrong length', () => {
    expect(tronAccountId('TUEZSdKsoDHQMeZwihtdoBiN46zxhGWYdh')).toBeNull();
    // A valid Base58Check address of Bitcoin (version byte 0x00): not a TRON address.
    expect(tronAccountId('1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2')).toBeNull();
    expect(tronAccountId('42a614f803b6fd780986a42c78ec9c7f77e6ded13c')).toBeNull();
    expect(tronAccountId('a614f803b6fd780986a42c78ec9c7f77e6ded1')).toBeNull();
    expect(() => tronAddressOf('a614')).toThrow(TypeError);
  });
});
