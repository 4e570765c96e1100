/**
 * Every way a request or a job can be refused. Domain code, jobs and watchers throw AppError; it knows nothing of
 * HTTP: lib/api/error-body.ts maps it to the API's error shape and status at the edge (routes, server actions, exports).
 */
export const ERROR_CODES = [
  'invalid_json',
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'conflict',
  'invalid_state',
  'amount_mismatch',
  'insufficient_funds',
  'payload_too_large',
  'validation_failed',
  'rate_limited',
  'rate_unavailable',
  'node_unavailable',
  'not_ready',
  'internal_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Field name -> what is wrong with it. */
    readonly fields?: Record<string, string>,
    /** For rate_limited: when trying again may succeed. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} not found`);
