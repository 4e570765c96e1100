// Minimal Hardhat 2 config for the local EVM dev node the chain tests start (test/chains/hardhat.ts).
// `hardhat node` refuses to run without a config file in its working folder; nothing here is compiled by Hardhat
// (the test token is compiled with solc-js in test/chains/test-token.ts), so only the network matters.
/** @type {import('hardhat/config').HardhatUserConfig} */
module.exports = {
  networks: {
    hardhat: {
      chainId: 31337,
    },
  },
};
