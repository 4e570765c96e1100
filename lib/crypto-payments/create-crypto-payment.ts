import { createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { database } from '@/db/client';
import { isUniqueViolation } from '@/db/errors';
import { cryptoPaymentEvents, cryptoPayments, shops } from '@/db/schema';
import type { Principal } from '@/lib/auth/principal';
import { currencySettings } from '@/lib/currencies/currency-settings';
import { AppError, notFound } from '@/lib/errors';
import { amount, type Amount, compareAmounts, formatAmount, parseAmount, safeParseAmount } from '@/lib/money';
import { cryptoUnitsForIrr, cryptoUnitsForUsd, usdForIrr } from '@/lib/rates/convert';
import type { PriceAsset } from '@/lib/rates/price-assets';
import { rateQuoter } from '@/lib/rates/quote-rates';
import { visibleShops } from '@/lib/shops/shop-access';
import { callbackUrlFitsWebsite } from '@/lib/transactions/callback-url';
import { actorDataOf, actorOf } from '@/lib/transactions/transaction-access';
import { allocateAddress } from '@/lib/wallet/allocate-address';
import { emitWebhookEvent } from '@/lib/webhooks/emit-webhook-event';
import { checkWebhookUrl } from '@/lib/webhooks/webhook-target';
import { toCryptoPaymentResponse } from './crypto-payment-view';
import type { CreateCryptoPaymentInput, CryptoPaymentResponse } from './schemas';

const USD_DECIMALS = 2;
/** numeric(20,2): a price beyond this is a typo, not an order. */
const MAX_USD = amount(10n ** 18n - 1n, USD_DECIMALS);

const invalid = (field: string, message: string) => new AppError('validation_failed', 'Some fields are invalid', { [field]: message });

/** The request as it decides the payment, in canonical form: the same order_id with the same of these is a retry. */
const requestHashOf = (request: Record<string, unknown>): string =>
  createHash('sha256').update(JSON.stringify(request)).digest('hex');

export interface CreatedCryptoPayment {
  payment: CryptoPaymentResponse;
  /** The same order_id and body again: the existing payment, nothing created. */
  replayed: boolean;
}

/**
 * A crypto payment: a fresh deposit address of KPay's wallet for the amount asked, priced at creation when asked in USD
 * or Rials (rate, source and time stored), in `created` until the chain watcher sees money or the clock expires it.
 * order_id is unique per merchant: the same request again returns the existing payment, a different one is a 409.
 */
export async function createCryptoPayment(principal: Principal, input: CreateCryptoPaymentInput): Promise<CreatedCryptoPayment> {
  const settings = currencySettings(input.currency);
  if (!settings.enabled) throw invalid('currency', `${input.currency} is not available: ${settings.disabledReason}`);
  const { currency } = settings;

  // A key acts for its own shop: naming another one finds nothing (404), as for card transactions.
  const shopId = input.shop_id ?? (principal.kind === 'shop' ? principal.shopId : undefined);
  if (!shopId) throw invalid('shop_id', 'Name the shop (shop_id) when using a user token');
  const db = await database();
  const [shop] = await db.select({ isActive: shops.isActive, website: shops.website }).from(shops).where(visibleShops(principal, shopId));
  if (!shop) throw notFound('Shop');
  if (!shop.isActive) throw new AppError('invalid_state', 'This shop is deactivated');
  for (const field of ['callback_success', 'callback_failed'] as const) {
    const url = input[field];
    if (url && !callbackUrlFitsWebsite(url, shop.website)) {
      throw invalid(field, `Must be on the shop's website (${new URL(shop.website!).hostname}) or one of its subdomains`);
    }
  }
  const webhookUrl = input.webhook_url ? await checkWebhookUrl(input.webhook_url, 'webhook_url') : undefined;

  const price = parsePrice(input, currency.decimals);
  const requestHash = requestHashOf({
    shop_id: shopId,
    currency: input.currency,
    [price.field]: price.text,
    callback_success: input.callback_success ?? null,
    callback_failed: input.callback_failed ?? null,
    webhook_url: webhookUrl ?? null,
    expires_minutes: input.expires_minutes,
  });
  const existing = await findByOrder(principal.userId, input.order_id);
  if (existing) return replay(existing, requestHash);

  const quote = await quotePrice(price, currency.priceAsset, currency.decimals);
  const requested = amount(quote.units, currency.decimals);
  if (compareAmounts(requested, parseAmount(currency.minimum, currency.decimals)) < 0) {
    throw invalid(price.field, `Comes to ${formatAmount(requested)} ${currency.symbol}, below the minimum of ${currency.minimum}`);
  }

  try {
    const row = await db.transaction(async (tx) => {
      const address = await allocateAddress(tx, currency.network, settings.chain);
      const now = new Date();
      const [created] = await tx
        .insert(cryptoPayments)
        .values({
          userId: principal.userId,
          shopId,
          orderId: input.order_id,
          requestHash,
          currency: input.currency,
          network: currency.network,
          chain: settings.chain,
          requestedAmount: quote.units,
          amountUsd: quote.usd ? formatAmount(quote.usd) : null,
          amountIrr: price.field === 'amount_irr' ? Number(price.text) : null,
          rateUsd: quote.rate?.usdPerUnit ?? null,
          rateIrr: quote.rate?.irrPerUsd ?? null,
          rateSource: quote.rate?.source ?? null,
          rateAt: quote.rate?.at ?? null,
          walletAddressId: address.id,
          depositAddress: address.address,
          requiredConfirmations: settings.requiredConfirmations,
          callbackSuccess: input.callback_success,
          callbackFailed: input.callback_failed,
          webhookUrl,
          expiresAt: new Date(now.getTime() + input.expires_minutes * 60_000),
          createdAt: now,
          updatedAt: now,
        })
        .returning();
      await tx.insert(cryptoPaymentEvents).values({
        paymentId: created!.id,
        type: 'created',
        toStatus: 'created',
        actor: actorOf(principal),
        data: actorDataOf(principal),
        createdAt: now,
      });
      await emitWebhookEvent(tx, {
        userId: created!.userId,
        shopId: created!.shopId,
        type: 'crypto_payment.created',
        object: toCryptoPaymentResponse(created!, now),
        url: created!.webhookUrl ?? undefined,
      });
      return created!;
    });
    return { payment: toCryptoPaymentResponse(row), replayed: false };
  } catch (error) {
    // Two requests with one order_id at once: the second finds the first's payment.
    if (!isUniqueViolation(error, 'crypto_payments_order_uq')) throw error;
    const winner = await findByOrder(principal.userId, input.order_id);
    if (!winner) throw error;
    return replay(winner, requestHash);
  }
}

type Price =
  | { field: 'amount_crypto'; text: string; crypto: Amount }
  | { field: 'amount_usd'; text: string; usd: Amount }
  | { field: 'amount_irr'; text: string; rials: bigint };

/** The one amount given, parsed exactly: the currency's decimals for amount_crypto, cents for USD, whole Rials. */
function parsePrice(input: CreateCryptoPaymentInput, decimals: number): Price {
  if (input.amount_crypto !== undefined) {
    const parsed = safeParseAmount(input.amount_crypto, decimals);
    if (!parsed.ok) throw invalid('amount_crypto', parsed.message);
    return { field: 'amount_crypto', text: formatAmount(parsed.amount), crypto: parsed.amount };
  }
  if (input.amount_usd !== undefined) {
    const parsed = safeParseAmount(input.amount_usd, USD_DECIMALS);
    if (!parsed.ok) throw invalid('amount_usd', parsed.message);
    if (parsed.amount.units <= 0n) throw invalid('amount_usd', 'Amount must be more than zero');
    if (compareAmounts(parsed.amount, MAX_USD) > 0) throw invalid('amount_usd', 'Amount is too large');
    return { field: 'amount_usd', text: formatAmount(parsed.amount), usd: parsed.amount };
  }
  const rials = input.amount_irr!;
  if (rials <= 0) throw invalid('amount_irr', 'Amount must be more than zero');
  return { field: 'amount_irr', text: String(rials), rials: BigInt(rials) };
}

interface PriceQuote {
  units: bigint;
  usd: Amount | null;
  rate: { usdPerUnit: string | null; irrPerUsd: string | null; source: string; at: Date } | null;
}

/** The currency's amount for the price, rounded up to its decimals, with the rates used (none for amount_crypto). */
async function quotePrice(price: Price, asset: PriceAsset, decimals: number): Promise<PriceQuote> {
  if (price.field === 'amount_crypto') {
    if (price.crypto.units <= 0n) throw invalid('amount_crypto', 'Amount must be more than zero');
    return { units: price.crypto.units, usd: null, rate: null };
  }
  const quoter = rateQuoter();
  const usdRate = await quoter.usdPerUnit(asset);
  if (price.field === 'amount_usd') {
    return {
      units: cryptoUnitsForUsd(price.usd, usdRate.rate, decimals),
      usd: price.usd,
      rate: { usdPerUnit: usdRate.rate, irrPerUsd: null, source: usdRate.source, at: usdRate.at },
    };
  }
  const irrRate = await quoter.irrPerUsd();
  const at = irrRate.at < usdRate.at ? irrRate.at : usdRate.at;
  return {
    units: cryptoUnitsForIrr(price.rials, irrRate.rate, usdRate.rate, decimals),
    usd: usdForIrr(price.rials, irrRate.rate),
    // The older of the two times: the conversion is as fresh as its stalest rate.
    rate: { usdPerUnit: usdRate.rate, irrPerUsd: irrRate.rate, source: `${usdRate.source}+${irrRate.source}`, at },
  };
}

async function findByOrder(userId: string, orderId: string) {
  const db = await database();
  const [row] = await db
    .select()
    .from(cryptoPayments)
    .where(and(eq(cryptoPayments.userId, userId), eq(cryptoPayments.orderId, orderId)));
  return row;
}

function replay(row: typeof cryptoPayments.$inferSelect, requestHash: string): CreatedCryptoPayment {
  if (row.requestHash !== requestHash) {
    throw new AppError('conflict', 'This order_id already has a payment created with a different request', {
      order_id: 'Already used with different fields; use a new order_id for a new payment',
    });
  }
  return { payment: toCryptoPaymentResponse(row), replayed: true };
}
