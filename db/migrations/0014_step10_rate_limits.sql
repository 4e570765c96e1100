-- Step 10: the rate limiter table shared by all instances.
-- The shape rate-limiter-flexible's RateLimiterPostgres creates itself (lib/api/rate-limits.ts); made here instead
-- (it runs with tableCreated: true) so that instances starting together never race on DDL. Every limiter shares it:
-- a key starts with its limiter's prefix. Not in db/schema: only that library reads and writes it.
CREATE TABLE rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
