import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { toErrorBody } from './error-body';

describe('toErrorBody', () => {
  it('answers a refusal with its status, code, message and fields', () => {
    expect(toErrorBody(new AppError('validation_failed', 'Some fields are invalid', { amount: 'Too small' }))).toEqual({
      status: 422,
      body: { error: { code: 'validation_failed', message: 'Some fields are invalid', fields: { amount: 'Too small' } } },
      headers: {},
      expected: true,
    });
  });

  it('adds Retry-After to rate limits and WWW-Authenticate to 401s', () => {
    expect(toErrorBody(new AppError('rate_limited', 'Slow down', undefined, 30)).headers).toEqual({ 'Retry-After': '30' });
    expect(toErrorBody(new AppError('unauthorized', 'Who are you')).headers).toEqual({ 'WWW-Authenticate': 'Bearer' });
  });

  it('answers anything else as a bare 500 that leaks nothing but the request id', () => {
    const leaky = new Error('password=hunter2 at db.internal:5432');
    expect(toErrorBody(leaky, 'req-1')).toEqual({
      status: 500,
      body: { error: { code: 'internal_error', message: 'Internal error', request_id: 'req-1' } },
      headers: {},
      expected: false,
    });
    expect(toErrorBody(new AppError('internal_error', 'secret detail')).body.error.message).toBe('Internal error');
  });
});
