import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateMnemonic, validateMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';

export interface LoadWalletMnemonicOptions {
  /** KPAY_WALLET_MNEMONIC, when the operator set one. */
  configured?: string;
  /** The data folder; a generated phrase is kept in `<dataDir>/wallet-mnemonic.txt`. */
  dataDir: string;
  /** Structured warning logger; never handed the words. */
  warn: (message: string, details: Record<string, unknown>) => void;
}

const MNEMONIC_FILE = 'wallet-mnemonic.txt';

/**
 * The BIP39 phrase of the crypto wallet: the configured one, else the one generated into the data folder on an earlier
 * start, else a fresh 24-word phrase written there now. Every path validates the checksum, because a mistyped or
 * damaged phrase would silently derive another wallet. No message, log or error ever contains the words.
 */
export function loadWalletMnemonic({ configured, dataDir, warn }: LoadWalletMnemonicOptions): string {
  if (configured?.trim()) return validMnemonic(configured, 'KPAY_WALLET_MNEMONIC');

  const file = path.join(dataDir, MNEMONIC_FILE);
  const stored = readIfPresent(file);
  if (stored !== undefined) return validMnemonic(stored, file);

  const generated = generateMnemonic(english, 256);
  if (!createExclusively(file, `${generated}\n`)) {
    // Another process (app and worker starting together) wrote it first: use its phrase, not a second wallet.
    return validMnemonic(readFileSync(file, 'utf8'), file);
  }
  warn(
    `generated a new crypto wallet into ${file}. This file IS the wallet: losing it loses every deposit address and ` +
      'the funds on them. Back it up offline now, or set KPAY_WALLET_MNEMONIC to a phrase you keep safe.',
    { file },
  );
  return generated;
}

/** NFKD (as BIP39 prescribes), lower case, single spaces: how people paste phrases differs, the words do not. */
function normalizeMnemonic(phrase: string): string {
  return phrase.normalize('NFKD').toLowerCase().trim().split(/\s+/).join(' ');
}

function validMnemonic(phrase: string, source: string): string {
  const mnemonic = normalizeMnemonic(phrase);
  if (!validateMnemonic(mnemonic, english)) {
    throw new Error(`${source} does not hold a valid BIP39 English mnemonic (wrong word, word count or checksum)`);
  }
  return mnemonic;
}

function readIfPresent(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes `content` to `file` only if no file is there, atomically: a temporary file (mode 0600, synced to disk) is
 * hard-linked into place, which, unlike rename, fails instead of replacing a wallet another process wrote meanwhile.
 * Readers therefore see no file or the whole file, never a half-written one. False when the file already existed.
 */
function createExclusively(file: string, content: string): boolean {
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    try {
      writeFileSync(fd, content);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    linkSync(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(tmp);
  }
}
