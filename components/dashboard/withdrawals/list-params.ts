import type { z } from 'zod';
import { type FilterParams, readFilterParams } from '@/components/dashboard/crypto/list-params';
import type { SearchParams } from '@/lib/dashboard/search-params';
import { listWithdrawalsQuery } from '@/lib/withdrawals/schemas';

/** Withdrawals per page of the dashboard list. */
export const WITHDRAWALS_PER_PAGE = 20;

/** The parameters that narrow the list, in the order the form shows them. */
export const WITHDRAWAL_FILTER_FIELDS = ['currency', 'status'] as const;
export type WithdrawalFilterField = (typeof WITHDRAWAL_FILTER_FIELDS)[number];

const listParams = listWithdrawalsQuery.pick({ currency: true, status: true, page: true });

export type WithdrawalListParams = FilterParams<WithdrawalFilterField, z.output<typeof listWithdrawalsQuery>>;

/** The withdrawal list's filters and page from the page's URL, with the API's own rules (readFilterParams). */
export function readWithdrawalListParams(raw: SearchParams): WithdrawalListParams {
  const { read, params, invalid } = readFilterParams(raw, listParams, WITHDRAWAL_FILTER_FIELDS);
  return { query: { ...read, per_page: WITHDRAWALS_PER_PAGE }, params, invalid };
}
