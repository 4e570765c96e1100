import { apiRoute } from '@/lib/api/handler';
import { otherMethods } from '@/lib/api/route-fallbacks';
import { listCurrencies } from '@/lib/currencies/list-currencies';
import { currencyOperations } from '@/lib/currencies/operations';

export const GET = apiRoute(currencyOperations.listCurrencies, () => listCurrencies());

export const { POST, PUT, PATCH, DELETE, OPTIONS } = otherMethods(currencyOperations.listCurrencies);
