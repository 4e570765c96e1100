// `npm run chains`: real local chains for trying KPay's crypto rail by hand. Starts a Litecoin Core regtest node and a
// Hardhat EVM dev node on 127.0.0.1 (free ports, temp data folders), funds the Litecoin test wallet, deploys the test
// USDT (6 decimals), prints the KPay configuration lines that point at them, and keeps both running until Ctrl-C
// (SIGINT) or SIGTERM, which stops both and removes their folders. Test helpers: test/chains/.

import { type EvmNode, startEvmNode } from '../test/chains/hardhat';
import { type LitecoinNode, litecoindAvailable, startLitecoind } from '../test/chains/litecoind';

async function main() {
  if (!litecoindAvailable()) {
    console.error('litecoind is not on PATH: install it (Debian: apt-get install -y litecoind) and try again.');
    process.exit(1);
  }
  // Filled as each node comes up, so a signal during the start stops what has started (the rest the exit handler kills).
  const nodes: { litecoin?: LitecoinNode; evm?: EvmNode } = {};
  let stopping = false;
  const stopAll = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.error(`\n${signal}: stopping the nodes...`);
    await Promise.allSettled([nodes.litecoin?.stop(), nodes.evm?.stop()]);
    process.exit(0);
  };
  // Our own handlers: test/chains/processes.ts then leaves shutdown to us, and its 'exit' handler backs us up.
  process.on('SIGINT', () => void stopAll('SIGINT'));
  process.on('SIGTERM', () => void stopAll('SIGTERM'));
  process.on('SIGHUP', () => void stopAll('SIGHUP'));

  const started = performance.now();
  const [litecoin, evm] = await Promise.all([
    startLitecoind().then((node) => (nodes.litecoin = node)),
    startEvmNode().then((node) => (nodes.evm = node)),
  ]);
  await litecoin.fund();
  // First deployment from account 0 on the fresh node: 0x5FbDB2315678afecb367f032d93F642f64180aa3, as in the tests.
  const usdt = await evm.deployTestToken(6, { name: 'Tether USD (test)', symbol: 'USDT' });

  const lines = [
    'KPAY_LITECOIN_CHAIN=regtest',
    `KPAY_LITECOIN_NODE_URL=${litecoin.rpcUrl}`,
    'KPAY_ETHEREUM_CHAIN=dev',
    `KPAY_ETHEREUM_NODE_URL=${evm.rpcUrl}`,
    `KPAY_ETHEREUM_CHAIN_ID=${evm.chainId}`,
    `KPAY_TOKEN_CONTRACTS=usdt_erc20:${usdt.address}`,
    'KPAY_RATE_SOURCE=fixed',
    'KPAY_FIXED_USD_RATES=btc:65000,ltc:80.25,eth:3000,bnb:600,trx:0.125',
    'KPAY_IRR_RATE_SOURCE=fixed',
    'KPAY_FIXED_IRR_PER_USD=1000000',
  ];
  console.log(`# Local chains ready in ${((performance.now() - started) / 1000).toFixed(1)} s. KPay configuration (.env):`);
  console.log(lines.join('\n'));
  console.log(
    [
      '#',
      `# Litecoin: wallet "kpay-test" holds ${await litecoin.rpc<number>('getbalance')} LTC; mining address ${litecoin.miningAddress}.`,
      `#   litecoin-cli -regtest -rpcport=${litecoin.rpcPort} -rpcuser=${new URL(litecoin.rpcUrl).username} -rpcpassword=${new URL(litecoin.rpcUrl).password} sendtoaddress <address> <ltc>`,
      `#   ... generatetoaddress 1 ${litecoin.miningAddress}`,
      `# Ethereum: account 0 ${evm.account.address} holds 10000 ETH and 1,000,000 USDT (token ${usdt.address}).`,
      '# Ctrl-C stops both nodes and deletes their data.',
    ].join('\n'),
  );
  // The node handles are unref'd (tests must not hang on them); this keeps the script alive until a signal.
  setInterval(() => undefined, 1 << 30);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
