import { z } from 'zod';

/** The list query every paginated endpoint accepts: page from 1, at most 100 per page. */
export const paginationQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(20),
};

const count = (value: number) => z.number().int().meta({ examples: [value] });

/** The page fields every list answer carries beside its items. */
export const pageResponseFields = {
  total: count(1).describe('Matching items on all pages'),
  page: count(1),
  per_page: count(20),
};

export interface PageQuery {
  page: number;
  per_page: number;
}

/** Runs a page query and its count side by side; `fetch` gets LIMIT and OFFSET. */
export async function paginate<T>(
  query: PageQuery,
  fetch: (limit: number, offset: number) => Promise<T[]>,
  count: () => Promise<{ n: number }[]>,
): Promise<{ rows: T[]; total: number; page: number; per_page: number }> {
  const [rows, [total]] = await Promise.all([fetch(query.per_page, (query.page - 1) * query.per_page), count()]);
  return { rows, total: total?.n ?? 0, page: query.page, per_page: query.per_page };
}
