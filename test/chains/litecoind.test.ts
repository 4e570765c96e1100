import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonRpc, type LitecoinNode, litecoindAvailable, RpcError, splitCredentials, startLitecoind } from './litecoind';

// Smoke test of the real-node helper: a Litecoin Core 0.21 regtest node, no stubs.

const available = litecoindAvailable();
if (!available) {
  console.warn(
    '\n!!! litecoind is not on PATH: SKIPPING the Litecoin Core chain tests (test/chains/litecoind.test.ts).\n' +
      '!!! Install it with `apt-get install -y litecoind` (.ci/run does) to run them.\n',
  );
}

interface Vout {
  value: number;
  n: number;
  scriptPubKey: { type: string; hex: string; address?: string; addresses?: string[] };
}
interface Block {
  hash: string;
  height: number;
  confirmations: number;
  tx: { txid: string; vout: Vout[] }[];
}

describe.skipIf(!available)('litecoind regtest helper', () => {
  let node: LitecoinNode;
  let startMs = 0;

  beforeAll(async () => {
    const started = performance.now();
    node = await startLitecoind();
    startMs = performance.now() - started;
    console.info(`litecoind ready (RPC + wallet) in ${startMs.toFixed(0)} ms`);
  });

  afterAll(async () => {
    await node?.stop();
  });

  it('answers RPC on loopback with credentials from the URL', async () => {
    const url = new URL(node.rpcUrl);
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.username).not.toBe('');
    expect(splitCredentials(node.rpcUrl).url).toBe(`http://127.0.0.1:${url.port}/`);
    const info = await node.rpc<{ chain: string; blocks: number }>('getblockchaininfo');
    expect(info.chain).toBe('regtest');
    expect(info.blocks).toBe(0);
    expect(node.miningAddress).toMatch(/^rltc1q/);
  });

  it('throws the node error message', async () => {
    const error = await node.rpc('getblockhash', [999_999]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RpcError);
    expect((error as RpcError).message).toMatch(/Block height out of range/);
    expect((error as RpcError).code).toBe(-8);
    await expect(node.rpc('no_such_method')).rejects.toThrow(/Method not found/);
    const wrongPassword = node.rpcUrl.replace(/:[0-9a-f]+@/, ':wrong@');
    await expect(jsonRpc(wrongPassword, 'getblockcount')).rejects.toThrow(/401/);
  });

  it('funds the wallet, sends to a fresh bech32 address, and the mined block shows the output', async () => {
    await node.fund();
    expect(await node.rpc<number>('getbalance')).toBe(50);

    const address = await node.newAddress();
    expect(address).toMatch(/^rltc1q[02-9ac-hj-np-z]+$/);
    const txid = await node.send(address, '1.23456789');
    expect(txid).toMatch(/^[0-9a-f]{64}$/);
    expect(await node.rpc<string[]>('getrawmempool')).toContain(txid);

    const [hash] = await node.mine(1);
    const block = await node.rpc<Block>('getblock', [hash, 2]);
    expect(block.height).toBe(102);
    expect(block.confirmations).toBe(1);
    const tx = block.tx.find((t) => t.txid === txid);
    expect(tx).toBeDefined();
    const output = tx!.vout.find((o) => (o.scriptPubKey.address ?? o.scriptPubKey.addresses?.[0]) === address);
    expect(output).toBeDefined();
    expect(output!.value).toBe(1.23456789);
    expect(output!.scriptPubKey.type).toBe('witness_v0_keyhash');
    // Litecoin Core 0.21: `addresses[]`, no `address` (Bitcoin Core 22+ has `address`).
    expect(output!.scriptPubKey.addresses?.[0]).toBe(address);
    expect(output!.scriptPubKey.address).toBeUndefined();
    // -txindex=1: the transaction is found without its block hash.
    const raw = await node.rpc<{ txid: string; blockhash: string }>('getrawtransaction', [txid, true]);
    expect(raw.blockhash).toBe(hash);
  });

  it('invalidateblock takes a block off the main chain (confirmations -1) and reconsiderblock restores it', async () => {
    const [first] = await node.mine(1);
    const tip = await node.rpc<number>('getblockcount');
    await node.rpc('invalidateblock', [first]);
    expect(await node.rpc<number>('getblockcount')).toBe(tip - 1);
    expect((await node.rpc<Block>('getblock', [first, 1])).confirmations).toBe(-1);
    await node.rpc('reconsiderblock', [first]);
    expect(await node.rpc<number>('getblockcount')).toBe(tip);
    expect(await node.rpc<string>('getbestblockhash')).toBe(first);
  });

  it('activateMweb() takes the chain past height 432; MWEB outputs have no address and mining goes on', async () => {
    const pegin = await node.activateMweb();
    expect(await node.rpc<number>('getblockcount')).toBe(432);
    const block = await node.rpc<Block>('getblock', [await node.rpc<string>('getbestblockhash'), 2]);
    const types = block.tx.flatMap((t) => t.vout.map((o) => o.scriptPubKey.type));
    expect(types).toContain('witness_mweb_pegin');
    expect(types).toContain('witness_mweb_hogaddr'); // the HogEx, the block's last transaction
    expect(block.tx.find((t) => t.txid === pegin)!.vout[0]!.scriptPubKey.addresses).toBeUndefined();
    // Blocks mine again, and an ordinary payment still shows with its address.
    const address = await node.newAddress();
    const txid = await node.send(address, '0.5');
    const [hash] = await node.mine(1);
    const next = await node.rpc<Block>('getblock', [hash, 2]);
    expect(next.tx.find((t) => t.txid === txid)!.vout.some((o) => o.scriptPubKey.addresses?.[0] === address)).toBe(true);
    expect(await node.activateMweb()).toBeUndefined();
  });

  it('stop() shuts the node down and removes its datadir', async () => {
    const { datadir } = node;
    expect(existsSync(datadir)).toBe(true);
    const started = performance.now();
    await node.stop();
    console.info(`litecoind stopped in ${(performance.now() - started).toFixed(0)} ms`);
    expect(existsSync(datadir)).toBe(false);
    await expect(node.rpc('getblockcount')).rejects.toThrow();
    await node.stop(); // twice is fine
  });
});
