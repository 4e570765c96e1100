import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { getBalances } from '@/lib/ledger/get-balances';
import { ledgerOperations } from '@/lib/ledger/operations';

export const GET = apiRoute(ledgerOperations.getBalances, ({ principal }) => getBalances(principal));

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(ledgerOperations.getBalances);
