// `npm run ledger:check`: checks the ledger's invariants on the configured database (every posting sums to zero; no
// merchant's pending, available or reserved balance below zero). Prints each problem and exits 1 if there is one.
import { closeDatabase, database } from '@/db/client';
import { checkLedger } from '@/lib/ledger/check-ledger';

async function main() {
  const problems = await checkLedger(await database());
  for (const problem of problems) console.error(problem.kind, JSON.stringify(problem.detail));
  console.log(problems.length === 0 ? 'ledger ok: every posting balances, no balance below zero' : `${problems.length} ledger problem(s)`);
  await closeDatabase();
  process.exit(problems.length === 0 ? 0 : 1);
}

void main();
