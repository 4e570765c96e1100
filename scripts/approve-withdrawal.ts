// `npm run withdrawal:approve <id>`: an operator's approval of a withdrawal above KPAY_WITHDRAWAL_OPERATOR_ABOVE. Only
// someone with access to the server and its database can run it: that is what makes it a second pair of hands.
import { closeDatabase } from '@/db/client';
import { approveWithdrawalAsOperator } from '@/lib/withdrawals/approve-withdrawal';

async function main() {
  const id = process.argv[2];
  if (!id) {
    console.error('usage: npm run withdrawal:approve <withdrawal id>');
    process.exit(2);
  }
  try {
    const withdrawal = await approveWithdrawalAsOperator(id);
    console.log(`withdrawal ${withdrawal.id}: ${withdrawal.status} (${withdrawal.amount} ${withdrawal.currency} to ${withdrawal.destination_address})`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  } finally {
    await closeDatabase();
  }
}

void main();
