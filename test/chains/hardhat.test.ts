import { existsSync } from 'node:fs';
import { type Address, getAddress, parseAbiItem, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvmNode, EVM_CHAIN_ID, FIRST_CONTRACT_ADDRESS, startEvmNode, type TestToken } from './hardhat';

// Smoke test of the real-node helper: `hardhat node` (Hardhat 2) driven through viem, no stubs.

const TRANSFER = parseAbiItem('event Transfer(address indexed from, address indexed to, uint256 value)');
const ERC20_READS = [
  parseAbiItem('function decimals() view returns (uint8)'),
  parseAbiItem('function symbol() view returns (string)'),
  parseAbiItem('function totalSupply() view returns (uint256)'),
] as const;
const RECIPIENT: Address = '0x70997970C51812dc3A010C7d01b50e0d17dc79C8'; // Hardhat account 1
const STRANGER: Address = '0x1000000000000000000000000000000000000001';

describe('hardhat node helper', () => {
  let node: EvmNode;
  let token: TestToken;

  beforeAll(async () => {
    const started = performance.now();
    node = await startEvmNode();
    console.info(`hardhat node ready in ${(performance.now() - started).toFixed(0)} ms`);
  });

  afterAll(async () => {
    await node?.stop();
  });

  it('answers on loopback with chain id 31337', async () => {
    expect(new URL(node.rpcUrl).hostname).toBe('127.0.0.1');
    expect(node.chainId).toBe(EVM_CHAIN_ID);
    expect(await node.publicClient.getChainId()).toBe(31337);
    expect(await node.blockNumber()).toBe(0n);
  });

  it('deploys the 6-decimal test token first, at the address the test config names', async () => {
    const started = performance.now();
    token = await node.deployTestToken(6);
    console.info(`test token compiled and deployed in ${(performance.now() - started).toFixed(0)} ms`);
    expect(token.address).toBe(FIRST_CONTRACT_ADDRESS);
    const read = (functionName: 'decimals' | 'symbol' | 'totalSupply') =>
      node.publicClient.readContract({ address: token.address, abi: ERC20_READS, functionName });
    expect(await read('decimals')).toBe(6);
    expect(await read('symbol')).toBe('USDT');
    expect(await read('totalSupply')).toBe(1_000_000_000_000n);
    expect(await token.balanceOf(node.account.address)).toBe(1_000_000_000_000n);
  });

  it('sends ETH from account 0', async () => {
    const before = await node.publicClient.getBalance({ address: STRANGER });
    const receipt = await node.sendEth(STRANGER, parseEther('1.5'));
    expect(receipt.status).toBe('success');
    expect(await node.publicClient.getBalance({ address: STRANGER })).toBe(before + parseEther('1.5'));
    expect(await node.blockNumber()).toBe(receipt.blockNumber);
  });

  it('transfers the token and the Transfer log reads back with getLogs', async () => {
    const receipt = await token.transfer(RECIPIENT, 12_345_678n); // 12.345678 USDT
    expect(await token.balanceOf(RECIPIENT)).toBe(12_345_678n);
    const logs = await node.publicClient.getLogs({
      address: token.address,
      event: TRANSFER,
      fromBlock: receipt.blockNumber,
      toBlock: receipt.blockNumber,
    });
    expect(logs).toHaveLength(1);
    expect(logs[0]!.args).toEqual({ from: getAddress(node.account.address), to: RECIPIENT, value: 12_345_678n });
    expect(logs[0]!.transactionHash).toBe(receipt.transactionHash);
  });

  it('a second deployment is a different token whose Transfers are told apart by address', async () => {
    const other = await node.deployTestToken(6, { name: 'Not allow-listed', symbol: 'FAKE' });
    expect(other.address).not.toBe(token.address);
    const receipt = await other.transfer(RECIPIENT, 1_000_000n);
    const all = await node.publicClient.getLogs({ event: TRANSFER, fromBlock: receipt.blockNumber, toBlock: receipt.blockNumber });
    expect(all.map((l) => getAddress(l.address))).toEqual([other.address]);
    const allowListed = await node.publicClient.getLogs({ address: [token.address], event: TRANSFER, fromBlock: receipt.blockNumber });
    expect(allowListed).toHaveLength(0);
  });

  it('mines blocks, and snapshot/revert rolls blocks back', async () => {
    const start = await node.blockNumber();
    await node.mine(5);
    expect(await node.blockNumber()).toBe(start + 5n);

    const id = await node.snapshot();
    const receipt = await token.transfer(STRANGER, 1n);
    expect(receipt.blockNumber).toBe(start + 6n);
    const hashBefore = (await node.publicClient.getBlock({ blockNumber: receipt.blockNumber })).hash;
    await node.revert(id);
    expect(await node.blockNumber()).toBe(start + 5n);
    expect(await token.balanceOf(STRANGER)).toBe(0n);
    await expect(node.publicClient.getTransactionReceipt({ hash: receipt.transactionHash })).rejects.toThrow();
    // The next block at that height is a different block: a reorg, as a watcher sees it.
    const again = await node.sendEth(STRANGER, 1n);
    expect(again.blockNumber).toBe(start + 6n);
    expect(again.blockHash).not.toBe(hashBefore);
  });

  it('stop() kills the node', async () => {
    const started = performance.now();
    await node.stop();
    console.info(`hardhat node stopped in ${(performance.now() - started).toFixed(0)} ms`);
    await expect(node.publicClient.getChainId()).rejects.toThrow();
    expect(existsSync(node.logFile)).toBe(false);
    await node.stop(); // twice is fine
  });
});
