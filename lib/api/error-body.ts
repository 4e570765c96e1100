import { AppError, type ErrorCode } from '@/lib/errors';

/** Every error code's HTTP status: the one place that maps them. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  invalid_json: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  invalid_state: 409,
  amount_mismatch: 409,
  insufficient_funds: 409,
  payload_too_large: 413,
  validation_failed: 422,
  rate_limited: 429,
  // A price source is down or its rate too old: the caller may try again; nothing was created.
  rate_unavailable: 503,
  // A chain node KPay needed for the request did not answer or refused: nothing was done.
  node_unavailable: 503,
  // A readiness check failed (GET /api/health/ready): the database, the job queue or a chain node is not there.
  not_ready: 503,
  internal_error: 500,
};

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: Record<string, string>; request_id?: string };
}

export interface ErrorAnswer {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
  /** false for anything but a refusal the caller may see: log it, answer a bare 500. */
  expected: boolean;
}

/**
 * The API's error shape for anything thrown: an AppError as it is (but internal_error), everything else as a bare 500 that leaks
 * nothing but the request id. Used by apiRoute, dashboardAction, the CSV export and the auth actions alike.
 */
export function toErrorBody(error: unknown, requestId?: string): ErrorAnswer {
  if (error instanceof AppError && error.code !== 'internal_error') {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers['Retry-After'] = String(error.retryAfterSeconds);
    if (error.code === 'unauthorized') headers['WWW-Authenticate'] = 'Bearer';
    const body: ErrorBody = { error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) } };
    return { status: ERROR_STATUS[error.code], body, headers, expected: true };
  }
  const body: ErrorBody = { error: { code: 'internal_error', message: 'Internal error', ...(requestId && { request_id: requestId }) } };
  return { status: 500, body, headers: {}, expected: false };
}
