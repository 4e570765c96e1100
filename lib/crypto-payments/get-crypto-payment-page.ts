import { eq } from 'drizzle-orm';
import QRCode from 'qrcode';
import type { z } from 'zod';
import { database } from '@/db/client';
import { cryptoPayments, shops } from '@/db/schema';
import { config } from '@/lib/config/config';
import { currencyOf } from '@/lib/currencies/currencies';
import { currencySettings } from '@/lib/currencies/currency-settings';
import type { Chain, Network } from '@/lib/currencies/networks';
import { formatAmount, parseAmount, subtractAmounts } from '@/lib/money';
import { sandboxAvailable } from '@/lib/sandbox/sandbox-chain';
import { cryptoCallbackUrl } from './crypto-callback-url';
import { toCryptoPaymentStatusResponse } from './crypto-payment-view';
import { cryptoPaymentIdParams, type cryptoPaymentStatusResponse } from './schemas';
import { evmChainId, walletUri } from './wallet-uri';

export type CryptoPaymentStatusFields = z.infer<typeof cryptoPaymentStatusResponse>;

/** The token standard a buyer's wallet names the network by; null for a chain's own coin. */
export type TokenStandard = 'ERC-20' | 'BEP-20' | 'TRC-20';
const TOKEN_STANDARDS: Partial<Record<Network, TokenStandard>> = { ethereum: 'ERC-20', bsc: 'BEP-20', tron: 'TRC-20' };

export interface CryptoPaymentPage {
  /** The public status shape (GET /gateway/payments/{id} without credentials), as the page's poller reads it too. */
  payment: CryptoPaymentStatusFields;
  shopName: string;
  currency: {
    name: string;
    symbol: string;
    decimals: number;
    network: Network;
    /** The configured chain; anything but mainnet is a test chain the page says so about. */
    chain: Chain;
    tokenStandard: TokenStandard | null;
  };
  /**
   * What the buyer still has to send, as an exact decimal string: the requested amount, or what is missing when less
   * arrived (underpaid, still open). The amount panel, its copy button, the wallet URI and the QR code all show this.
   */
  amountDue: string;
  /** BIP21 / EIP-681 for amountDue, or the bare address where no URI standard exists (TRON). */
  walletUri: string;
  /** The wallet URI as an SVG QR code, rendered here so the browser needs no QR code library. */
  qrSvg: string;
  remainingSeconds: number;
  /** The whole payment window, for the countdown ring's proportion. */
  totalSeconds: number;
  /** The shop's callback (success when completed, failed when expired or failed) once final; null before or when none. */
  callbackUrl: string | null;
  /**
   * Whether the sandbox exists for this payment: its network runs a local test chain here (litecoin or bitcoin
   * `regtest`, ethereum or bsc `dev`) and the payment was made on that chain, exactly when
   * POST /api/sandbox/payments/{id}/pay would pay it. The page then offers "pay from the test wallet" while money is due.
   */
  sandbox: boolean;
}

/** What is left to send when less than asked arrived and the payment is still open; null otherwise. */
function shortfall(payment: CryptoPaymentStatusFields, decimals: number): string | null {
  if (!payment.underpaid || !payment.received_amount) return null;
  if (payment.status !== 'pending' && payment.status !== 'confirming') return null;
  const missing = subtractAmounts(parseAmount(payment.requested_amount, decimals), parseAmount(payment.received_amount, decimals));
  return missing.units > 0n ? formatAmount(missing) : null;
}

/**
 * Everything the hosted crypto page renders for a payment id, or null when no payment has it (a malformed id included:
 * it names nothing, and the database is not asked).
 */
export async function getCryptoPaymentPage(id: string, now = new Date()): Promise<CryptoPaymentPage | null> {
  if (!cryptoPaymentIdParams.shape.id.safeParse(id).success) return null;
  const db = await database();
  const [found] = await db
    .select({ row: cryptoPayments, shopName: shops.name })
    .from(cryptoPayments)
    .innerJoin(shops, eq(shops.id, cryptoPayments.shopId))
    .where(eq(cryptoPayments.id, id))
    .limit(1);
  if (!found) return null;
  const { row } = found;
  const payment = toCryptoPaymentStatusResponse(row, now);
  const currency = currencyOf(row.currency);
  const chain = row.chain as Chain;

  const amountDue = shortfall(payment, currency.decimals) ?? payment.requested_amount;
  // The token's contract on the chain the payment was made on (the configured one, unless the configuration changed).
  const settings = currencySettings(row.currency);
  const contract = settings.chain === chain ? settings.contract : (currency.contracts?.[chain as 'mainnet' | 'testnet'] ?? null);
  const uri = walletUri(
    { currency: row.currency, deposit_address: row.depositAddress, requested_amount: amountDue },
    { chainId: evmChainId(currency.network, chain, config().crypto.networks[currency.network].chainId), contract },
  );
  // ECC level M (15%) as BIP21 wallets print them; a 4-module quiet zone, as the QR standard asks.
  const qrSvg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });

  const configuredChain = config().crypto.networks[currency.network].chain;
  const final = payment.status === 'completed' ? true : payment.status === 'expired' || payment.status === 'failed' ? false : null;
  return {
    payment,
    shopName: found.shopName,
    currency: {
      name: currency.name,
      symbol: currency.symbol,
      decimals: currency.decimals,
      network: currency.network,
      chain,
      tokenStandard: currency.contracts ? (TOKEN_STANDARDS[currency.network] ?? null) : null,
    },
    amountDue,
    walletUri: uri,
    qrSvg,
    remainingSeconds: Math.max(0, Math.ceil((row.expiresAt.getTime() - now.getTime()) / 1000)),
    totalSeconds: Math.max(1, Math.round((row.expiresAt.getTime() - row.createdAt.getTime()) / 1000)),
    callbackUrl: final === null ? null : cryptoCallbackUrl(row, final, now),
    sandbox: chain === configuredChain && sandboxAvailable(currency.network),
  };
}
