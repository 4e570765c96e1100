import { eq } from 'drizzle-orm';
import { database } from '@/db/client';
import { cryptoPayments } from '@/db/schema';
import { config } from '@/lib/config/config';
import { currencyOf } from '@/lib/currencies/currencies';
import { AppError, notFound } from '@/lib/errors';
import { amount, formatAmount } from '@/lib/money';
import { sandboxChain } from './sandbox-chain';
import { type TestPaymentKind, testPaymentUnits } from './test-payment-amount';


/**
 * The sandbox's "pay from the test wallet" (like Stripe's test mode): on a local test chain only, the node's test
 * wallet sends what is still due (`exact`), half of it (`under`) or one and a half times it (`over`) to the deposit
 * address, as a buyer's wallet would; the watcher then finds it like any deposit. On mainnet and public testnets (or
 * for a payment made on another chain) the payment is "not found" here: the sandbox does not exist there.
 */
export async function payFromTestWallet(paymentId: string, kind: TestPaymentKind): Promise<{ tx_hash: string; amount: string }> {
  const db = await database();
  const [payment] = await db.select().from(cryptoPayments).where(eq(cryptoPayments.id, paymentId));
  const onThisChain = payment && payment.chain === config().crypto.networks[payment.network].chain;
  const chain = onThisChain ? sandboxChain(payment.network) : null;
  if (!payment || !chain) throw notFound('Payment');
  const units = testPaymentUnits(payment.requestedAmount, payment.receivedAmount, kind);
  if (units <= 0n) throw new AppError('invalid_state', 'Nothing to send');
  const txHash = await chain.send(payment.currency, payment.depositAddress, units);
  return { tx_hash: txHash, amount: formatAmount(amount(units, currencyOf(payment.currency).decimals)) };
}
