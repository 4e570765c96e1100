import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { evmAccounts, walletAddresses } from '@/db/schema';
import type { Chain } from '@/lib/currencies/networks';
import { allocateAddress } from '@/lib/wallet/allocate-address';
import type { EvmNetworkName } from './evm-network';

/** A KPay address that signs EVM transactions: where its key is (the path), and its nonce row. */
export interface EvmSender {
  address: string;
  derivationPath: string;
  walletAddressId: string;
  role: 'hot' | 'deposit';
}

/**
 * The network's hot wallet: one KPay address (wallet_addresses purpose `hot`) that sweeps collect into and payouts are
 * sent from. Allocated on first use, once: under a transaction-scoped lock, with the partial unique index on
 * evm_accounts as the last word, so two processes never make two. ETH and BSC derive from one HD account, but each
 * allocation takes the next index of the shared sequence: their hot wallets are different addresses with their own
 * nonces.
 */
export async function hotWallet(db: Database, network: EvmNetworkName, chain: Chain): Promise<EvmSender> {
  const found = await findHotWallet(db, network, chain);
  if (found) return found;
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`kpay.hot-wallet.${network}.${chain}`}, 0))`);
    const again = await findHotWallet(tx, network, chain);
    if (again) return again;
    const allocated = await allocateAddress(tx, network, chain, 'hot');
    await tx.insert(evmAccounts).values({ network, chain, address: allocated.address, walletAddressId: allocated.id, role: 'hot', nextNonce: 0 });
    return { address: allocated.address, derivationPath: allocated.derivationPath, walletAddressId: allocated.id, role: 'hot' };
  });
}

async function findHotWallet(db: Pick<Database, 'select'>, network: EvmNetworkName, chain: Chain): Promise<EvmSender | null> {
  const [row] = await db
    .select({ address: evmAccounts.address, walletAddressId: evmAccounts.walletAddressId, derivationPath: walletAddresses.derivationPath })
    .from(evmAccounts)
    .innerJoin(walletAddresses, eq(walletAddresses.id, evmAccounts.walletAddressId))
    .where(and(eq(evmAccounts.network, network), eq(evmAccounts.chain, chain), eq(evmAccounts.role, 'hot')));
  return row ? { ...row, role: 'hot' } : null;
}
