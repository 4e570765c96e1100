import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Abi, Hex } from 'viem';

// The test token is compiled from contracts/TestToken.sol with solc-js (npm `solc`, the compiler is inside the package,
// so this works offline) the first time a test process asks for it, and kept in memory after that. We compile instead
// of committing ABI and bytecode because a committed artifact can drift from its source and would need its own check
// test that compiles anyway. Loading solc-js takes ~0.5-1 s and the first compile ~1 s, once per test file (vitest runs
// each file in its own process); startEvmNode() does it while the node boots, so it costs little wall time.
// The optimizer is off: gas does not matter here and it halves the compile time.

export const TEST_TOKEN_SOURCE = path.resolve(__dirname, '..', '..', 'contracts', 'TestToken.sol');

export interface CompiledContract {
  abi: Abi;
  bytecode: Hex;
}

// Pinned so the bytecode does not change with the solc release's default, and old enough for any Hardhat 2 node.
const EVM_VERSION = 'cancun';

let cached: CompiledContract | undefined;

// Loaded on first use, not at import: a test file that never deploys a token does not pay for solc-js.
const loadSolc = () => createRequire(__filename)('solc') as typeof import('solc');

/** ABI and creation bytecode of contracts/TestToken.sol: constructor(name, symbol, decimals, initialSupply). */
export function compileTestToken(): CompiledContract {
  if (cached) return cached;
  const input = {
    language: 'Solidity',
    sources: { 'TestToken.sol': { content: readFileSync(TEST_TOKEN_SOURCE, 'utf8') } },
    settings: {
      optimizer: { enabled: false },
      evmVersion: EVM_VERSION,
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const solc = loadSolc();
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: 'error' | 'warning' | 'info'; formattedMessage: string }[];
    contracts?: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length) throw new Error(`solc ${solc.version()} failed:\n${errors.map((e) => e.formattedMessage).join('\n')}`);
  const contract = output.contracts?.['TestToken.sol']?.TestToken;
  if (!contract?.evm.bytecode.object) throw new Error('solc produced no bytecode for TestToken');
  cached = { abi: contract.abi, bytecode: `0x${contract.evm.bytecode.object}` };
  return cached;
}
