import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { validateMnemonic } from '@scure/bip39';
import { wordlist as english } from '@scure/bip39/wordlists/english.js';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadWalletMnemonic } from './mnemonic';

const VALID = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
// Twelve real words whose last one does not carry the checksum.
const BAD_CHECKSUM = 'legal winner thank year wave sausage worth useful legal winner thank thank';

let dataDir: string;
beforeEach(() => {
  dataDir = path.join(mkdtempSync(path.join(tmpdir(), 'kpay-wallet-')), 'data');
});
afterEach(() => {
  rmSync(path.dirname(dataDir), { recursive: true, force: true });
});

const walletFile = () => path.join(dataDir, 'wallet-mnemonic.txt');

function errorMessageOf(load: () => unknown): string {
  try {
    load();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected the load to throw');
}

describe('loadWalletMnemonic with a configured phrase', () => {
  it('normalises case, spacing and Unicode width, and writes no file', () => {
    const warn = vi.fn();
    // Full-width letters and an ideographic space, as an East Asian keyboard might produce; NFKD folds them.
    const messy = `  ABANDON\tabandon\n${' abandon'.repeat(8)} ａｂａｎｄｏｎ\u3000About  `;
    expect(loadWalletMnemonic({ configured: messy, dataDir, warn })).toBe(VALID);
    expect(warn).not.toHaveBeenCalled();
    expect(() => statSync(walletFile())).toThrow();
  });

  it('wins over a stored file', () => {
    const generated = loadWalletMnemonic({ dataDir, warn: vi.fn() });
    expect(generated).not.toBe(VALID);
    expect(loadWalletMnemonic({ configured: VALID, dataDir, warn: vi.fn() })).toBe(VALID);
  });

  it('refuses a bad checksum without repeating the phrase', () => {
    const message = errorMessageOf(() => loadWalletMnemonic({ configured: BAD_CHECKSUM, dataDir, warn: vi.fn() }));
    expect(message).toMatch(/KPAY_WALLET_MNEMONIC.*not.*valid BIP39/);
    expect(message).not.toContain('legal');
    expect(message).not.toContain('sausage');
  });

  it('refuses words outside the English list and a wrong word count', () => {
    const warn = vi.fn();
    expect(() => loadWalletMnemonic({ configured: VALID.replace('about', 'abouts'), dataDir, warn })).toThrow();
    expect(() => loadWalletMnemonic({ configured: VALID.replace(' about', ''), dataDir, warn })).toThrow();
  });
});

describe('loadWalletMnemonic without a configured phrase', () => {
  it('generates 24 words into a 0600 file, warns without the words, and returns the same phrase next time', () => {
    const warn = vi.fn();
    const mnemonic = loadWalletMnemonic({ configured: '  ', dataDir, warn });

    expect(mnemonic.split(' ')).toHaveLength(24);
    expect(validateMnemonic(mnemonic, english)).toBe(true);
    expect(readFileSync(walletFile(), 'utf8').trim()).toBe(mnemonic);
    expect(statSync(walletFile()).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual(['wallet-mnemonic.txt']); // no temporary file left behind

    expect(warn).toHaveBeenCalledTimes(1);
    const [message, details] = warn.mock.calls[0]!;
    expect(message).toMatch(/IS the wallet/);
    expect(message).toMatch(/back it up/i);
    expect(message).toContain('KPAY_WALLET_MNEMONIC');
    expect(details).toEqual({ file: walletFile() });
    const logged = JSON.stringify(warn.mock.calls);
    // Single words can occur in the warning's prose ("file", "now", "wallet" are BIP39 words); two in a row cannot.
    const words = mnemonic.split(' ');
    for (let i = 1; i < words.length; i++) expect(logged).not.toContain(`${words[i - 1]} ${words[i]}`);

    const again = vi.fn();
    expect(loadWalletMnemonic({ dataDir, warn: again })).toBe(mnemonic);
    expect(again).not.toHaveBeenCalled();
  });

  it('generates a different wallet for a different data folder', () => {
    const first = loadWalletMnemonic({ dataDir, warn: vi.fn() });
    const otherDir = path.join(path.dirname(dataDir), 'other');
    expect(loadWalletMnemonic({ dataDir: otherDir, warn: vi.fn() })).not.toBe(first);
  });

  it('reads a stored phrase written by hand, normalised', () => {
    loadWalletMnemonic({ dataDir, warn: vi.fn() });
    writeFileSync(walletFile(), `${VALID.toUpperCase()}\r\n`);
    expect(loadWalletMnemonic({ dataDir, warn: vi.fn() })).toBe(VALID);
  });

  it('refuses a corrupted file, without repeating it and without replacing it', () => {
    loadWalletMnemonic({ dataDir, warn: vi.fn() });
    writeFileSync(walletFile(), BAD_CHECKSUM);
    const message = errorMessageOf(() => loadWalletMnemonic({ dataDir, warn: vi.fn() }));
    expect(message).toContain(walletFile());
    expect(message).not.toContain('legal');
    expect(readFileSync(walletFile(), 'utf8')).toBe(BAD_CHECKSUM);
  });

  it('refuses an emptied file rather than generating a new wallet over it', () => {
    loadWalletMnemonic({ dataDir, warn: vi.fn() });
    writeFileSync(walletFile(), '');
    expect(() => loadWalletMnemonic({ dataDir, warn: vi.fn() })).toThrow(/not hold a valid BIP39/);
  });

  it('gives processes starting together one wallet, never one each', async () => {
    // App and worker may start at once on one data folder; the loser of the race must adopt the winner's file.
    const script = `const { loadWalletMnemonic } = require(${JSON.stringify(path.join(__dirname, 'mnemonic.ts'))});
      process.stdout.write(loadWalletMnemonic({ dataDir: process.argv[1], warn: () => {} }));`;
    const run = () => promisify(execFile)(process.execPath, ['--import', 'tsx', '-e', script, dataDir]);
    const phrases = (await Promise.all(Array.from({ length: 6 }, run))).map((result) => result.stdout);
    expect(new Set(phrases)).toEqual(new Set([readFileSync(walletFile(), 'utf8').trim()]));
  });
});
