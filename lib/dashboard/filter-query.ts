/**
 * The filters among a list page's parameters (not its page number), as the query of a link that keeps them (the first
 * page, a CSV export). Empty means the list is not filtered.
 */
export function filterQuery<F extends string>(params: Partial<Record<F, string>>, fields: readonly F[]): URLSearchParams {
  const query = new URLSearchParams();
  for (const field of fields) {
    const value = params[field];
    if (value) query.set(field, value);
  }
  return query;
}
