/** What the merchant replaces in the snippets before running them. */
export const API_KEY_PLACEHOLDER = '<your-api-key>';
export const CARD_ID_PLACEHOLDER = '<card-id>';
export const AUTHORITY_PLACEHOLDER = '<authority>';

/** 100,000 Rials (10,000 Toman): above the minimum amount, and round enough to read as an example. */
export const SAMPLE_AMOUNT = 100_000;

/** Where the sample sends the buyer back when the shop has no website on file. */
const SAMPLE_SITE = 'https://shop.example';

/**
 * One argument for a POSIX shell, in single quotes. The shop's website is merchant input and may hold a quote, so
 * every value in the snippets goes through here rather than being pasted into the command line as is.
 */
export function shellQuote(value: string): string {
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

const curlPost = (url: string, headers: string[], body: Record<string, unknown>) =>
  [
    `curl -X POST ${shellQuote(url)}`,
    ...headers.map((header) => `  -H ${shellQuote(header)}`),
    // The body's lines are indented under `-d`; whitespace between JSON tokens changes nothing.
    `  -d ${shellQuote(JSON.stringify(body, null, 2).replaceAll('\n', '\n  '))}`,
  ].join(' \\\n');

/** The shop's callback page for the sample: a path on its own website, or on an example one. */
export function sampleCallbackUrl(website: string | null): string {
  return new URL('/payment/callback', website ?? SAMPLE_SITE).href;
}

/**
 * A ready `POST /api/transactions/create` for one shop: its id filled in, the card id when the merchant has an active
 * card (a placeholder otherwise), and the API key left for the merchant to paste, since it is never shown again.
 */
export function createTransactionSnippet(input: { publicUrl: string; shopId: string; cardId?: string; callbackUrl: string }): string {
  return curlPost(`${input.publicUrl}/api/transactions/create`, [`X-API-Key: ${API_KEY_PLACEHOLDER}`, 'Content-Type: application/json'], {
    shop_id: input.shopId,
    card_id: input.cardId ?? CARD_ID_PLACEHOLDER,
    amount: SAMPLE_AMOUNT,
    callback_url: input.callbackUrl,
    factor_number: '1001',
  });
}

/** The shop server's check before it delivers: `POST /api/transactions/verify` with its key, the authority and the expected amount. */
export function verifyTransactionSnippet(publicUrl: string): string {
  return curlPost(`${publicUrl}/api/transactions/verify`, [`X-API-Key: ${API_KEY_PLACEHOLDER}`, 'Content-Type: application/json'], {
    authority: AUTHORITY_PLACEHOLDER,
    amount: SAMPLE_AMOUNT,
  });
}
