import { requireUser, type Principal } from '@/lib/auth/principal';
import type { Network } from '@/lib/currencies/networks';
import { notFound } from '@/lib/errors';
import { sandboxChain } from './sandbox-chain';

/**
 * Mines `blocks` blocks on a network's local test chain (regtest or dev), so an integrator sees confirmations count up
 * and payments complete in seconds. A signed-in merchant only; 404 on a network that is not a local test chain.
 */
export async function mineTestBlocks(principal: Principal, network: Network, blocks: number): Promise<{ network: Network; mined: number }> {
  requireUser(principal);
  const chain = sandboxChain(network);
  if (!chain) throw notFound('Sandbox');
  await chain.mine(blocks);
  return { network, mined: blocks };
}
