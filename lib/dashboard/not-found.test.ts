import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError, notFound as notFoundError } from '@/lib/errors';
import { orNotFound, paramsOrNotFound } from './not-found';

/** What Next's notFound() throws: an error whose digest names the 404 fallback. */
const isNextNotFound = (error: unknown) => String((error as { digest?: string }).digest).includes('404');

async function thrown(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('did not throw');
}

describe('orNotFound', () => {
  it('answers what the call answers', async () => {
    expect(await orNotFound(Promise.resolve({ id: 'x' }))).toEqual({ id: 'x' });
    expect(await orNotFound(Promise.resolve(0))).toBe(0);
  });

  it('turns a not_found AppError, null or undefined into the 404 page', async () => {
    expect(isNextNotFound(await thrown(() => orNotFound(Promise.reject(notFoundError('Shop')))))).toBe(true);
    expect(isNextNotFound(await thrown(() => orNotFound(Promise.resolve(null))))).toBe(true);
    expect(isNextNotFound(await thrown(() => orNotFound(Promise.resolve(undefined))))).toBe(true);
  });

  it('lets any other error fail the page', async () => {
    const conflict = new AppError('conflict', 'no');
    expect(await thrown(() => orNotFound(Promise.reject(conflict)))).toBe(conflict);
    const broken = new Error('connection refused');
    expect(await thrown(() => orNotFound(Promise.reject(broken)))).toBe(broken);
  });
});

describe('paramsOrNotFound', () => {
  const idParams = z.object({ id: z.uuid() });
  it('answers the parsed parameters, or the 404 page for a malformed one', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    expect(paramsOrNotFound(idParams, { id })).toEqual({ id });
    expect(isNextNotFound(await thrown(() => paramsOrNotFound(idParams, { id: 'not-a-uuid' })))).toBe(true);
  });
});
