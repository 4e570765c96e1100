import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { dashboardAction } from './dashboard-action';
import type { Merchant } from './current-merchant';

const merchant: Merchant = {
  principal: { kind: 'user', userId: '00000000-0000-4000-8000-000000000001', sessionId: '00000000-0000-4000-8000-000000000002' },
  name: 'Sara',
  mobile: '09120000000',
  merchantId: 'KP0000000000',
};
const signedIn = vi.hoisted(() => ({ value: true }));

// The session lookup needs Auth.js and a request; here it is replaced by a switch, so the wrapper itself is tested.
vi.mock('./current-merchant', () => ({
  currentMerchant: async () => {
    if (!signedIn.value) throw new Error('NEXT_REDIRECT /login');
    return merchant;
  },
}));

const schema = z.object({ name: z.string().min(2, 'Name is too short') });

describe('dashboardAction', () => {
  it('passes validated input and the signed-in merchant to the lib call', async () => {
    const run = vi.fn(async (input: { name: string }, m: Merchant) => `${input.name}:${m.principal.userId}`);
    expect(await dashboardAction(schema, run)({ name: 'Kafe' })).toEqual({ ok: true, data: `Kafe:${merchant.principal.userId}` });
  });

  it('answers invalid input with the API error shape and never calls the lib', async () => {
    const run = vi.fn();
    expect(await dashboardAction(schema, run)({ name: 'x' })).toEqual({
      ok: false,
      error: { code: 'validation_failed', message: 'Some fields are invalid', fields: { name: 'Name is too short' } },
    });
    expect(await dashboardAction(schema, run)('not an object' as never)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    expect(run).not.toHaveBeenCalled();
  });

  it('refuses NUL characters with a field error naming the field, as the API does, and never calls the lib', async () => {
    const run = vi.fn();
    const nested = z.object({ id: z.string(), changes: z.object({ name: z.string() }) });
    expect(await dashboardAction(schema, run)({ name: 'Ka\u0000fe' })).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'Text must not contain NUL characters', fields: { name: 'Must not contain NUL characters' } },
    });
    expect(await dashboardAction(nested, run)({ id: 'x', changes: { name: '\u0000' } })).toMatchObject({
      ok: false,
      error: { code: 'bad_request', fields: { 'changes.name': 'Must not contain NUL characters' } },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('names each unknown field of a strict schema', async () => {
    const run = vi.fn();
    expect(await dashboardAction(z.strictObject({ name: z.string() }), run)({ name: 'Kafe', colour: 'red' } as never)).toEqual({
      ok: false,
      error: { code: 'validation_failed', message: 'Some fields are invalid', fields: { colour: 'Unknown field' } },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('turns an AppError into its code, message and fields', async () => {
    const action = dashboardAction(schema, async () => {
      throw new AppError('conflict', 'Already there', { name: 'taken' });
    });
    expect(await action({ name: 'Kafe' })).toEqual({ ok: false, error: { code: 'conflict', message: 'Already there', fields: { name: 'taken' } } });
  });

  it('hides an unexpected error behind internal_error', async () => {
    const action = dashboardAction(schema, async () => {
      throw new Error('connection refused to 10.0.0.5');
    });
    expect(await action({ name: 'Kafe' })).toEqual({ ok: false, error: { code: 'internal_error', message: 'Internal error' } });
  });

  it('refuses before validating anything when nobody is signed in', async () => {
    signedIn.value = false;
    const run = vi.fn();
    await expect(dashboardAction(schema, run)({ name: 'Kafe' })).rejects.toThrow('NEXT_REDIRECT');
    expect(run).not.toHaveBeenCalled();
    signedIn.value = true;
  });
});
