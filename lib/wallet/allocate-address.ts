import { sql } from 'drizzle-orm';
import { resultRows, type Transaction } from '@/db/client';
import { walletAddresses } from '@/db/schema';
import type { Chain, Network } from '@/lib/currencies/networks';
import { derivationAccount } from './derivation-paths';
import { processWallet } from './process-wallet';

export interface AllocatedAddress {
  id: string;
  address: string;
  derivationPath: string;
}

/**
 * A fresh address of KPay's wallet on `network`: the next index of its HD account's database sequence (never reused,
 * even when the surrounding transaction rolls back), derived and recorded in wallet_addresses, whose unique indexes on
 * the path and the address are the last word.
 */
export async function allocateAddress(
  tx: Transaction,
  network: Network,
  chain: Chain,
  purpose: 'deposit' | 'change' | 'hot' = 'deposit',
): Promise<AllocatedAddress> {
  const account = derivationAccount(network, chain);
  const branch = purpose === 'change' ? 1 : 0;
  // The sequence (db/schema/crypto.ts) is named after the account, from derivationAccount's closed list, never from input.
  const [next] = resultRows<{ index: string }>(await tx.execute(sql`select nextval(${`wallet_index_${account.sequence}`}::regclass)::text as index`));
  const index = Number(next!.index);
  const derived = processWallet().deriveAddress(network, chain, index, branch);
  const [row] = await tx
    .insert(walletAddresses)
    .values({ network, chain, address: derived.address, derivationPath: derived.path, addressIndex: index, purpose })
    .returning({ id: walletAddresses.id });
  return { id: row!.id, address: derived.address, derivationPath: derived.path };
}
