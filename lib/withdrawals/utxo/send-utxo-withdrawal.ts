import { hex } from '@scure/base';
import { p2wpkh, selectUTXO, Transaction } from '@scure/btc-signer';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Database } from '@/db/client';
import { walletAddresses, walletOutputs, withdrawalEvents, withdrawals } from '@/db/schema';
import { type JsonRpcCall, JsonRpcError } from '@/lib/chains/json-rpc';
import { config } from '@/lib/config/config';
import { DEFAULT_CONFIRMATIONS } from '@/lib/currencies/currencies';
import type { Chain } from '@/lib/currencies/networks';
import { parseAmount } from '@/lib/money';
import { allocateAddress } from '@/lib/wallet/allocate-address';
import { processWallet } from '@/lib/wallet/process-wallet';
import { completeWithdrawal, failWithdrawal } from '../finish-withdrawal';
import { transitionWithdrawal } from '../transition-withdrawal';
import { utxoNetworkParams } from './utxo-network-params';

type Withdrawal = typeof withdrawals.$inferSelect;
type UtxoNetwork = 'bitcoin' | 'litecoin';

/**
 * Signs an approved withdrawal on a UTXO chain: coins from the wallet's unspent outputs (selected by @scure/btc-signer),
 * net_amount to the destination, change to a fresh internal address, each input signed with its HD key, at the node's
 * fee estimate within the configured bounds. In one database transaction the coins become `spending`, the change is
 * recorded, and the signed transaction with its hash is stored (status `signed`) before anything is sent, so a crash
 * never sends twice: broadcasting later sends exactly these bytes. Not enough coins: it stays approved and waits.
 */
export async function signUtxoWithdrawal(db: Database, rpc: JsonRpcCall, withdrawal: Withdrawal): Promise<'signed' | 'waiting'> {
  const network = withdrawal.network as UtxoNetwork;
  const chain = withdrawal.chain as Chain;
  const feePerByte = await feeRate(rpc);
  return db.transaction(async (tx) => {
    const [locked] = await tx.select().from(withdrawals).where(and(eq(withdrawals.id, withdrawal.id), eq(withdrawals.status, 'approved'))).for('update');
    if (!locked) return 'signed';
    const coins = await tx
      .select({ output: walletOutputs, path: walletAddresses.derivationPath })
      .from(walletOutputs)
      .innerJoin(walletAddresses, eq(walletAddresses.id, walletOutputs.walletAddressId))
      .where(and(eq(walletOutputs.network, network), eq(walletOutputs.chain, chain), eq(walletOutputs.status, 'unspent')))
      .orderBy(desc(walletOutputs.amount))
      .limit(500)
      .for('update', { of: walletOutputs, skipLocked: true });
    const wallet = processWallet();
    const params = utxoNetworkParams(network, chain);
    const inputs = coins.map(({ output, path }) => ({
      txid: output.txHash,
      index: output.outputIndex,
      witnessUtxo: { script: p2wpkh(wallet.publicKeyAt(path), params).script, amount: output.amount },
    }));
    const change = await allocateAddress(tx, network, chain, 'change');
    const selected = selectUTXO(inputs, [{ address: withdrawal.destinationAddress, amount: withdrawal.netAmount }], 'default', {
      feePerByte,
      changeAddress: change.address,
      network: params,
      bip69: true,
      createTx: true,
    });
    if (!selected?.tx) {
      await tx.insert(withdrawalEvents).values({ withdrawalId: withdrawal.id, type: 'waiting_for_funds', actor: 'system', data: { fee_rate: feePerByte.toString() } });
      return 'waiting';
    }
    const signed: Transaction = selected.tx;
    const spent = selected.inputs.map((input) => coins.find((c) => c.output.txHash === hex.encode(input.txid!) && c.output.outputIndex === input.index)!);
    spent.forEach(({ path }, index) => signed.signIdx(wallet.privateKeyAt(path), index));
    signed.finalize();
    const txHash = signed.id;

    await tx
      .update(walletOutputs)
      .set({ status: 'spending', withdrawalId: withdrawal.id })
      .where(inArray(walletOutputs.id, spent.map((c) => c.output.id)));
    for (let index = 0; index < signed.outputsLength; index++) {
      const output = signed.getOutput(index);
      if (selected.change && hex.encode(output.script!) === hex.encode(p2wpkh(wallet.publicKeyAt(change.derivationPath), params).script)) {
        await tx.insert(walletOutputs).values({ network, chain, txHash, outputIndex: index, walletAddressId: change.id, amount: output.amount!, status: 'unconfirmed', withdrawalId: withdrawal.id });
      }
    }
    await transitionWithdrawal(tx, {
      where: eq(withdrawals.id, withdrawal.id),
      to: 'signed',
      actor: 'system',
      data: { tx_hash: txHash, network_fee: selected.fee?.toString(), inputs: spent.length },
      set: () => ({ signedTransaction: signed.hex, txHash }),
    });
    return 'signed';
  });
}

/**
 * Node answers meaning "this exact transaction is already there": sending it again changed nothing. Bitcoin Core 28
 * reworded -27 ("Transaction outputs already in utxo set"), so the code counts as much as the words.
 */
const ALREADY_SENT = /already in block chain|already in utxo set|txn-already-in-mempool|txn-already-known/i;
const RPC_VERIFY_ALREADY_IN_CHAIN = -27;

/**
 * Sends a signed withdrawal's stored bytes. Accepted (or already known: a retry after a crash): `broadcast`. Before a
 * refusal fails it, the node is asked whether it has the transaction itself (in its mempool or, with -txindex, in a
 * block): a process that died after the node took it, and before the status was saved, must never see it refunded.
 * Refused and unknown to the node (its coins gone, a rule broken): `failed`, the merchant's reservation released and
 * the coins unspent again. A node that does not answer leaves it signed for the next run.
 */
export async function broadcastUtxoWithdrawal(db: Database, rpc: JsonRpcCall, withdrawal: Withdrawal): Promise<'broadcast' | 'failed' | 'retry'> {
  try {
    await rpc('sendrawtransaction', [withdrawal.signedTransaction]);
  } catch (error) {
    if (!(error instanceof JsonRpcError)) return 'retry';
    const alreadySent = error.code === RPC_VERIFY_ALREADY_IN_CHAIN || ALREADY_SENT.test(error.message) || (await nodeHas(rpc, withdrawal.txHash));
    if (!alreadySent) {
      await db.transaction((tx) => failWithdrawal(tx, withdrawal, `Refused by the node: ${error.message.split(': ').slice(1).join(': ')}`));
      return 'failed';
    }
  }
  await db.transaction((tx) =>
    transitionWithdrawal(tx, { where: eq(withdrawals.id, withdrawal.id), to: 'broadcast', actor: 'system', set: () => ({ broadcastAt: new Date() }) }),
  );
  return 'broadcast';
}

/**
 * Follows a broadcast withdrawal's transaction (`getrawtransaction <txid> true`: the node needs -txindex, or the
 * transaction still in its mempool): at the network's confirmations it is completed, the reservation leaves the
 * ledger as withdrawn (net amount) and fee, its coins are spent and its change is spendable.
 */
export async function trackUtxoWithdrawal(db: Database, rpc: JsonRpcCall, withdrawal: Withdrawal): Promise<number> {
  const found = await rpc<{ confirmations?: number }>('getrawtransaction', [withdrawal.txHash, true]).catch(() => null);
  const confirmations = found?.confirmations ?? 0;
  const required = config().crypto.networks[withdrawal.network].confirmations ?? DEFAULT_CONFIRMATIONS[withdrawal.network];
  await db.transaction(async (tx) => {
    if (confirmations < required) {
      await tx.update(withdrawals).set({ confirmations }).where(and(eq(withdrawals.id, withdrawal.id), eq(withdrawals.status, 'broadcast')));
      return;
    }
    await completeWithdrawal(tx, withdrawal, confirmations);
  });
  return confirmations;
}

/** Whether the node knows this transaction (mempool, or a block with -txindex); a node that does not answer says no. */
const nodeHas = (rpc: JsonRpcCall, txHash: string | null): Promise<boolean> =>
  txHash ? rpc('getrawtransaction', [txHash, false]).then(() => true, () => false) : Promise.resolve(false);

/** sat/vB: the node's 6-block estimate (BTC/kvB, exact decimal text) within the configured bounds; the floor without one. */
async function feeRate(rpc: JsonRpcCall): Promise<bigint> {
  const { min, max } = config().crypto.withdrawals.utxoFeeRate;
  const estimate = await rpc<{ feerate?: string | number }>('estimatesmartfee', [6, 'economical']).catch(() => null);
  if (estimate?.feerate === undefined) return BigInt(min);
  // BTC per 1000 vbytes -> satoshi per vbyte, rounded up.
  const perKvB = parseAmount(String(estimate.feerate), 8).units;
  const perVb = (perKvB + 999n) / 1000n;
  return perVb < BigInt(min) ? BigInt(min) : perVb > BigInt(max) ? BigInt(max) : perVb;
}
