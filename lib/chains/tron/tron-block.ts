import { isLosslessNumber } from 'lossless-json';
import type { ChainTransfer, WatchedAddress } from '@/lib/chains/chain-adapter';
import type { CurrencyCode } from '@/lib/currencies/currencies';
import { isJsonObject, ownField } from '@/lib/rates/json-shape';
import { tronAccountId, tronAddressOf } from './tron-address';

/**
 * Reading the TRON HTTP API's block and transaction-info answers (java-tron's protobuf messages printed as JSON without
 * `visible`, so every address and hash is hex; parsed by lossless-json, so every number is a LosslessNumber). Shapes:
 * java-tron framework/src/main/java/org/tron/core/services/http/Util.java (printBlockToJSON, printTransactionToJSON),
 * protocol/src/main/protos/core/Tron.proto (Block, Transaction, TransactionInfo, ResourceReceipt), and the examples of
 * github.com/tronprotocol/documentation-en docs/api/http/block-and-tx-query/.
 */

/** keccak256("Transfer(address,address,uint256)"): TRC-20 is ERC-20 on the TVM, and its logs carry the same topic. */
export const TRC20_TRANSFER_TOPIC = 'ddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef';

export interface TronBlockHeader {
  height: number;
  /** blockID: the 8-byte height followed by 24 bytes of the header's hash, as the node prints it (64 hex digits). */
  hash: string;
  parentHash: string;
  time: Date;
}

/** Token contracts the adapter reports, by account id (the contract's 20 bytes in lower-case hex). */
export type TokenAllowList = ReadonlyMap<string, CurrencyCode>;

const HASH = /^[0-9a-f]{64}$/i;
const HEX_41_ADDRESS = /^41[0-9a-f]{40}$/i;
/** An indexed address topic: 12 zero bytes of padding, then the 20-byte address. */
const ADDRESS_TOPIC = /^0{24}([0-9a-f]{40})$/i;
/** A uint256 word. */
const WORD = /^[0-9a-f]{64}$/i;
const UNSIGNED_INTEGER = /^(0|[1-9][0-9]*)$/;

/** Reads one endpoint's answer: every shape it does not expect throws an Error naming the endpoint. */
class AnswerReader {
  constructor(readonly endpoint: string) {}

  fail(detail: string): Error {
    return new Error(`TRON node ${this.endpoint}: malformed answer (${detail})`);
  }

  object(value: unknown, what: string): Record<string, unknown> {
    if (!isJsonObject(value)) throw this.fail(`${what} is not an object`);
    return value;
  }

  array(value: unknown, what: string): unknown[] {
    if (!Array.isArray(value)) throw this.fail(`${what} is not a list`);
    return value;
  }

  /** A repeated field: protobuf's JSON leaves an empty one out. */
  optionalArray(value: unknown, what: string): unknown[] {
    return value === undefined ? [] : this.array(value, what);
  }

  string(value: unknown, what: string): string {
    if (typeof value !== 'string') throw this.fail(`${what} is not a string`);
    return value;
  }

  hash(value: unknown, what: string): string {
    const text = this.string(value, what);
    if (!HASH.test(text)) throw this.fail(`${what} is not 32 bytes of hex`);
    return text.toLowerCase();
  }

  /** A non-negative int64 that fits a JS number exactly (heights, millisecond timestamps). */
  safeInteger(value: unknown, what: string): number {
    const digits = this.integerDigits(value, what);
    const number = Number(digits);
    if (!Number.isSafeInteger(number)) throw this.fail(`${what} ${digits} is beyond 2^53`);
    return number;
  }

  /** A non-negative int64 read from its digits, never through a float (amounts in sun). */
  bigint(value: unknown, what: string): bigint {
    return BigInt(this.integerDigits(value, what));
  }

  private integerDigits(value: unknown, what: string): string {
    if (!isLosslessNumber(value) || !UNSIGNED_INTEGER.test(value.value)) throw this.fail(`${what} is not a whole number`);
    return value.value;
  }
}

/**
 * The header and transactions of a getnowblock / getblockbynum answer. java-tron answers `{}` where it has no such
 * block (a height past its head, or past the solidified head on /walletsolidity): that is an error too.
 */
export function readBlock(answer: unknown, endpoint: string, expectedHeight?: number) {
  const read = new AnswerReader(endpoint);
  const block = read.object(answer, 'the answer');
  const at = expectedHeight === undefined ? '' : ` at height ${expectedHeight}`;
  if (Object.keys(block).length === 0) throw new Error(`TRON node ${endpoint}: no block${at} (the node answered {})`);
  const raw = read.object(ownField(read.object(ownField(block, 'block_header'), 'block_header'), 'raw_data'), 'block_header.raw_data');
  const header: TronBlockHeader = {
    // The genesis block prints no number: protobuf's JSON leaves a field at its default (0) out.
    height: ownField(raw, 'number') === undefined ? 0 : read.safeInteger(ownField(raw, 'number'), 'block number'),
    hash: read.hash(ownField(block, 'blockID'), 'blockID'),
    parentHash: read.hash(ownField(raw, 'parentHash'), 'parentHash'),
    time: new Date(read.safeInteger(ownField(raw, 'timestamp'), 'timestamp')),
  };
  if (expectedHeight !== undefined && header.height !== expectedHeight) {
    throw read.fail(`asked for block ${expectedHeight}, got block ${header.height}`);
  }
  // java-tron adds `transactions` only to a block that has some.
  const transactions = read.optionalArray(ownField(block, 'transactions'), 'transactions');
  return { header, transactions };
}

export interface TransferContext {
  height: number;
  watched: WatchedAddress;
  tokens: TokenAllowList;
  /** The currency of TRX transfers. */
  coin: CurrencyCode;
  blockEndpoint: string;
  infoEndpoint: string;
}

/**
 * The transfers to watched addresses in one block: its `transactions` (from getblockbynum) beside its transaction infos
 * (the gettransactioninfobyblocknum answer), in block order.
 *
 * - TRX: a transaction whose one contract (java-tron refuses a transaction with any other count) is a TransferContract,
 *   whose `ret[0].contractRet` is SUCCESS, paying `amount` sun to `to_address`; outputIndex -1 (a transaction moves TRX
 *   to one address at most). TRX moved by a contract (internal transactions) and TRC-10 assets are not reported.
 * - TRC-20: a log of a transaction that succeeded (the info has no `result`, java-tron leaving its default SUCESS out,
 *   and `receipt.result` is SUCCESS), emitted by an allow-listed contract (compared by its 20 bytes, never by symbol),
 *   with exactly 3 topics, topic0 the Transfer topic (ERC-721-style transfers have 4), topic2 the receiver, and data
 *   one uint256 word, the amount in token units. outputIndex is the log's index in the block: logs are counted over
 *   every transaction info in block order, failed or not, as java-tron counts `logIndex` for eth_getLogs (Manager's
 *   cumulativeLogCount), so (txHash, outputIndex) names one log for good.
 * - A transfer of 0 is not reported: nothing arrives (zero-value TRC-20 transfers are address-poisoning spam).
 *
 * The infos must be the block's: one per transaction with the same ids in the same order, else the log indices could
 * shift between reads. A node that answers fewer (transaction history off, storage.transHistory.switch) or other ones
 * (a block replaced between the two requests) makes this throw, and the watcher reads the block again next run.
 */
export function readTransfers(transactions: unknown[], infosAnswer: unknown, context: TransferContext): ChainTransfer[] {
  const blockRead = new AnswerReader(context.blockEndpoint);
  const infoRead = new AnswerReader(context.infoEndpoint);
  const infos = infoRead.array(infosAnswer, 'the answer');
  if (infos.length !== transactions.length) {
    throw new Error(
      `TRON node ${context.infoEndpoint}: block ${context.height} has ${transactions.length} transactions but ` +
        `${infos.length} transaction infos (node without transaction history, storage.transHistory.switch, ` +
        'or the block changed between requests)',
    );
  }
  const transfers: ChainTransfer[] = [];
  let logIndex = 0;
  transactions.forEach((txValue, i) => {
    const tx = blockRead.object(txValue, `transaction ${i}`);
    const txHash = blockRead.hash(ownField(tx, 'txID'), `txID of transaction ${i}`);
    const info = infoRead.object(infos[i], `transaction info ${i}`);
    const infoId = infoRead.hash(ownField(info, 'id'), `id of transaction info ${i}`);
    if (infoId !== txHash) {
      throw new Error(
        `TRON node ${context.infoEndpoint}: transaction info ${i} of block ${context.height} is for ${infoId}, ` +
          `the block has ${txHash} there`,
      );
    }
    const infoHeight = ownField(info, 'blockNumber');
    if (infoHeight !== undefined && infoRead.safeInteger(infoHeight, `blockNumber of ${txHash}`) !== context.height) {
      throw infoRead.fail(`transaction info ${txHash} is of block ${infoRead.safeInteger(infoHeight, 'blockNumber')}`);
    }

    const coin = readCoinTransfer(blockRead, tx, txHash, context);
    if (coin) transfers.push(coin);

    const logs = infoRead.optionalArray(ownField(info, 'log'), `log of ${txHash}`);
    const succeeded = ownField(info, 'result') === undefined && receiptResult(infoRead, info, txHash) === 'SUCCESS';
    for (const logValue of logs) {
      const index = logIndex++;
      if (!succeeded) continue;
      const token = readTokenTransfer(infoRead, logValue, txHash, context);
      if (token) transfers.push({ ...token, outputIndex: index });
    }
  });
  return transfers;
}

function receiptResult(read: AnswerReader, info: Record<string, unknown>, txHash: string): unknown {
  const receipt = ownField(info, 'receipt');
  return receipt === undefined ? undefined : ownField(read.object(receipt, `receipt of ${txHash}`), 'result');
}

function readCoinTransfer(
  read: AnswerReader,
  tx: Record<string, unknown>,
  txHash: string,
  context: TransferContext,
): ChainTransfer | null {
  const raw = read.object(ownField(tx, 'raw_data'), `raw_data of ${txHash}`);
  const contract = read.object(read.array(ownField(raw, 'contract'), `contracts of ${txHash}`)[0], `contract of ${txHash}`);
  if (ownField(contract, 'type') !== 'TransferContract') return null;
  const ret = read.optionalArray(ownField(tx, 'ret'), `ret of ${txHash}`)[0];
  if (ret === undefined || ownField(read.object(ret, `ret of ${txHash}`), 'contractRet') !== 'SUCCESS') return null;
  const parameter = read.object(ownField(contract, 'parameter'), `parameter of ${txHash}`);
  const value = read.object(ownField(parameter, 'value'), `parameter value of ${txHash}`);
  const toHex = read.string(ownField(value, 'to_address'), `to_address of ${txHash}`);
  if (!HEX_41_ADDRESS.test(toHex)) throw read.fail(`to_address of ${txHash} is not a hex 41… address`);
  const amount = read.bigint(ownField(value, 'amount'), `amount of ${txHash}`);
  const to = tronAddressOf(toHex.slice(2).toLowerCase());
  if (amount === 0n || !context.watched(to)) return null;
  return { txHash, outputIndex: -1, to, currency: context.coin, amount };
}

function readTokenTransfer(
  read: AnswerReader,
  logValue: unknown,
  txHash: string,
  context: TransferContext,
): Omit<ChainTransfer, 'outputIndex'> | null {
  const log = read.object(logValue, `log of ${txHash}`);
  const currency = context.tokens.get(logContractId(read.string(ownField(log, 'address'), `log address of ${txHash}`)) ?? '');
  if (!currency) return null;
  const topics = read.optionalArray(ownField(log, 'topics'), `log topics of ${txHash}`);
  if (topics.length !== 3) return null;
  const [topic0, , toTopic] = topics.map((topic) => read.string(topic, `log topic of ${txHash}`));
  if (topic0?.toLowerCase() !== TRC20_TRANSFER_TOPIC) return null;
  const toId = ADDRESS_TOPIC.exec(toTopic ?? '')?.[1];
  // protobuf's JSON leaves empty bytes out, so a log without data prints no `data`.
  const data = ownField(log, 'data') === undefined ? '' : read.string(ownField(log, 'data'), `log data of ${txHash}`);
  if (!toId || !WORD.test(data)) return null;
  const amount = BigInt(`0x${data}`);
  const to = tronAddressOf(toId.toLowerCase());
  if (amount === 0n || !context.watched(to)) return null;
  return { txHash, to, currency, amount };
}

/**
 * A log's contract as an account id. The TVM writes it as the bare 20 bytes ("In order to be compatible with EVM, the
 * address in TVM is a hex format address without the prefix 0x41", developers.tron.network, TransactionInfo); java-tron
 * itself left-pads a shorter one to 20 bytes (Util.convertLogAddressToTronAddress), so this does too. A '41…' or 'T…'
 * spelling (a node asked with `visible`) is read as well.
 */
function logContractId(address: string): string | null {
  if (/^([0-9a-f]{2}){0,20}$/i.test(address)) return address.toLowerCase().padStart(40, '0');
  return tronAccountId(address);
}
