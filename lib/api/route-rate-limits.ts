import { limitAuthRequest, limitPaymentClaim, limitRegistration } from './rate-limits';

/** What a limiter may read from a parsed request. */
interface LimitRequest<P = unknown, B = unknown> {
  ip: string;
  params: P;
  body: B;
}

/**
 * The limiters an operation names with `rateLimit` (lib/<domain>/operations.ts). apiRoute takes the point once the
 * request has parsed (a malformed request costs nothing) and before the handler runs; a refusal is 429 with
 * Retry-After. `description` goes into the OpenAPI document's 429 answer.
 */
export const routeRateLimits = {
  auth: {
    description: 'Too many login or refresh requests from this client network (an IPv4 address or an IPv6 /64) in 15 minutes.',
    take: ({ ip }: LimitRequest) => limitAuthRequest(ip),
  },
  registration: {
    description: 'Too many registrations from this client network in an hour, or too many attempts for this mobile number.',
    take: ({ ip, body }: LimitRequest<unknown, { mobile: string }>) => limitRegistration(ip, body.mobile),
  },
  claim: {
    description: 'Too many "I have paid" claims: 5 per payment and 20 per client network in 15 minutes.',
    take: ({ ip, params }: LimitRequest<{ authority: string }>) => limitPaymentClaim(ip, params.authority),
  },
  testPayment: {
    description: 'Too many test payments: 5 per payment and 20 per client network in 15 minutes (shared with claims).',
    // The claim limiters, keyed apart: a sandbox payment is a public write like a claim.
    take: ({ ip, params }: LimitRequest<{ id: string }>) => limitPaymentClaim(ip, `sandbox:${params.id}`),
  },
} satisfies Record<string, { description: string; take: (request: never) => Promise<void> }>;

export type RateLimitName = keyof typeof routeRateLimits;
/** The request a limiter needs: an operation may name it only if its params and body provide that. */
export type RateLimitRequest<N extends RateLimitName> = Parameters<(typeof routeRateLimits)[N]['take']>[0];
