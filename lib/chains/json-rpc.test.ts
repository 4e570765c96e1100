import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createJsonRpcClient, NodeUnreachableError } from './json-rpc';

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('createJsonRpcClient errors', () => {
  it('name the node by host only: neither the credentials nor a provider key in the path reach the message', async () => {
    const port = await closedPort();
    const call = createJsonRpcClient(`http://rpcuser:s3cretpw@127.0.0.1:${port}/v3/0123456789abcdef0123456789abcdef`, { timeoutMs: 2_000 });
    const error = await call('eth_blockNumber').then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(NodeUnreachableError);
    const message = (error as Error).message;
    expect(message).toContain(`eth_blockNumber on 127.0.0.1:${port}/…`);
    for (const secret of ['s3cretpw', 'rpcuser', '0123456789abcdef']) expect(message).not.toContain(secret);
  });
});
