import { notFound } from 'next/navigation';
import type { z } from 'zod';
import { AppError } from '@/lib/errors';

/**
 * The route's parameters, or the 404 page: a malformed id is simply not found, as another merchant's record is,
 * never a hint of what exists.
 */
export function paramsOrNotFound<S extends z.ZodType>(schema: S, params: unknown): z.output<S> {
  const parsed = schema.safeParse(params);
  if (!parsed.success) notFound();
  return parsed.data;
}

/**
 * What a lib call answers, or the 404 page when it throws `not_found` (the API's 404: another merchant's record, or
 * none) or answers nothing. Any other error still fails the page.
 */
export async function orNotFound<T>(pending: Promise<T>): Promise<NonNullable<T>> {
  let value: T;
  try {
    value = await pending;
  } catch (error) {
    if (error instanceof AppError && error.code === 'not_found') notFound();
    throw error;
  }
  if (value === null || value === undefined) notFound();
  return value;
}
