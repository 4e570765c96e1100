import 'server-only';
import { config } from '@/lib/config/config';
import { logger } from '@/lib/observability/logger';
import { loadWalletMnemonic } from './mnemonic';
import { createWallet, type Wallet } from './wallet';

const KEY = Symbol.for('kpay.wallet');
type Holder = { [KEY]?: Wallet };

/**
 * The process's HD wallet, from KPAY_WALLET_MNEMONIC or the phrase kept in the data folder (generated there on first
 * use, with a loud warning to back it up). The phrase itself never reaches a log or an answer.
 */
export function processWallet(): Wallet {
  const g = globalThis as Holder;
  if (!g[KEY]) {
    const c = config();
    const mnemonic = loadWalletMnemonic({
      configured: c.crypto.walletMnemonic,
      dataDir: c.dataDir,
      warn: (message, details) => logger.warn(details, message),
    });
    g[KEY] = createWallet(mnemonic);
  }
  return g[KEY];
}
