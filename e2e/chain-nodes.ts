// The e2e suite's real chain: a Litecoin Core regtest node with a funded test wallet, for the sandbox server
// (playwright.config.ts, e2e/crypto-sandbox.spec.ts). Playwright starts its webServers BEFORE globalSetup, so the node
// cannot come from a globalSetup: it runs as a webServer of its own, listed before the KPay server that uses it:
//
//   node --import tsx e2e/chain-nodes.ts
//
// starts the node (test/chains/litecoind.ts: free ports, random RPC credentials, temp datadir), mines 101 blocks so the
// test wallet can spend, and prints one line:
//
//   E2E_LITECOIND=ready KPAY_LITECOIN_NODE_URL=http://<user>:<password>@127.0.0.1:<port>/
//
// which the webServer's `wait.stdout` pattern matches; Playwright stores its named groups in process.env, so the KPay
// server started next (and the test workers) inherit KPAY_LITECOIN_NODE_URL. It then stays up until Playwright ends the
// webServers (SIGTERM, `gracefulShutdown`), when it stops the node gracefully and removes its datadir; should this
// process die without that, test/chains/processes.ts's exit handler and reaper kill the node.
//
// litecoind is required, like Chromium: without it the e2e run stops at once, saying how to install it (a skipped
// test would prove nothing). .ci/run installs both.

import { type LitecoinNode, litecoindAvailable, startLitecoind } from '../test/chains/litecoind';

const keepAlive = () => setInterval(() => undefined, 1 << 30);

async function main() {
  if (!litecoindAvailable()) {
    console.error('e2e/chain-nodes.ts: litecoind is not installed (Debian: apt-get install -y litecoind); the e2e suite needs it.');
    process.exit(1);
  }

  // Filled once the node is up; a signal before that exits, and the exit handler kills the node being started.
  const started: { node?: LitecoinNode } = {};
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await started.node?.stop();
    process.exit(0);
  };
  // Our own handlers: test/chains/processes.ts then leaves shutdown to us (its 'exit' handler backs us up).
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop());

  const since = performance.now();
  const node = (started.node = await startLitecoind());
  await node.fund();
  if (stopping) return;
  console.error(`e2e/chain-nodes.ts: litecoind regtest ready on port ${node.rpcPort} in ${Math.round(performance.now() - since)} ms`);
  console.log(`E2E_LITECOIND=ready KPAY_LITECOIN_NODE_URL=${node.rpcUrl}`);
  // The node's handles are unref'd (tests must not hang on them); this keeps the process up until the signal.
  keepAlive();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
