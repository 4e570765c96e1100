import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createTransactionInput, verifyInput } from '@/lib/transactions/schemas';
import {
  API_KEY_PLACEHOLDER,
  CARD_ID_PLACEHOLDER,
  createTransactionSnippet,
  sampleCallbackUrl,
  SAMPLE_AMOUNT,
  shellQuote,
  verifyTransactionSnippet,
} from './integration-snippets';

/** Runs a snippet in a real shell with `curl` replaced by a function that prints its arguments, one per NUL. */
function curlArguments(snippet: string): string[] {
  const printed = execFileSync('sh', ['-c', `curl() { printf '%s\\0' "$@"; }\n${snippet}`], { encoding: 'utf8' });
  return printed.split('\0').slice(0, -1);
}

const SHOP_ID = '0b6f3c1e-5d2a-4c8e-9f10-2a3b4c5d6e7f';
const CARD_ID = '7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';

describe('shellQuote', () => {
  it('passes any text through the shell unchanged', () => {
    for (const text of ["it's", "'", "a'b'c", '$HOME `id` "x" \\n', 'فروشگاه']) {
      expect(curlArguments(`curl ${shellQuote(text)}`)).toEqual([text]);
    }
  });
});

describe('createTransactionSnippet', () => {
  it('is a curl the create endpoint accepts, with the shop and card filled in', () => {
    const args = curlArguments(
      createTransactionSnippet({ publicUrl: 'https://pay.example', shopId: SHOP_ID, cardId: CARD_ID, callbackUrl: sampleCallbackUrl('https://shop.example') }),
    );
    expect(args.slice(0, 8)).toEqual([
      '-X',
      'POST',
      'https://pay.example/api/transactions/create',
      '-H',
      `X-API-Key: ${API_KEY_PLACEHOLDER}`,
      '-H',
      'Content-Type: application/json',
      '-d',
    ]);
    const body = createTransactionInput.parse(JSON.parse(args[8]!));
    expect(body).toMatchObject({ shop_id: SHOP_ID, card_id: CARD_ID, amount: SAMPLE_AMOUNT, callback_url: 'https://shop.example/payment/callback' });
  });

  it('leaves a placeholder for the card when there is none, and survives a quote in the website', () => {
    const callbackUrl = sampleCallbackUrl("https://o'reilly.example/shop");
    const args = curlArguments(createTransactionSnippet({ publicUrl: 'http://localhost:3000', shopId: SHOP_ID, callbackUrl }));
    const body = JSON.parse(args[8]!);
    expect(body.card_id).toBe(CARD_ID_PLACEHOLDER);
    expect(body.callback_url).toBe(callbackUrl);
  });
});

describe('sampleCallbackUrl', () => {
  it("uses the shop's own site, or an example one", () => {
    expect(sampleCallbackUrl('https://shop.example/fa/')).toBe('https://shop.example/payment/callback');
    expect(sampleCallbackUrl(null)).toBe('https://shop.example/payment/callback');
  });
});

describe('verifyTransactionSnippet', () => {
  it('is a curl the verify endpoint accepts', () => {
    const args = curlArguments(verifyTransactionSnippet('https://pay.example'));
    expect(args.slice(0, 8)).toEqual([
      '-X', 'POST', 'https://pay.example/api/transactions/verify', '-H', 'X-API-Key: <your-api-key>', '-H', 'Content-Type: application/json', '-d',
    ]);
    expect(verifyInput.parse(JSON.parse(args[8]!))).toEqual({ authority: '<authority>', amount: SAMPLE_AMOUNT });
  });
});
