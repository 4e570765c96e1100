import { z } from 'zod';

/** A page's `searchParams`, as Next.js hands them over. */
export type SearchParams = Record<string, string | string[] | undefined>;

/** The first value of a parameter that may be given several times (`?page=2&page=3` reads 2). */
export const firstValue = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * A page's search parameters read with the API's own schema, one field at a time: a value that is missing or fails
 * its field's rule is dropped, so that field gets its default (or stays unset) while the others still apply. A
 * hand-edited or stale URL shows the default view rather than an error. Only the schema's fields are read.
 */
export function readSearchParams<S extends z.ZodObject>(raw: SearchParams, schema: S): z.output<S> {
  const valid: Record<string, string> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const value = firstValue(raw[key]);
    if (value !== undefined && z.safeParse(field, value).success) valid[key] = value;
  }
  // A rule across fields (none today) that the survivors still break: the default view.
  const parsed = schema.safeParse(valid);
  return parsed.success ? parsed.data : schema.parse({});
}
