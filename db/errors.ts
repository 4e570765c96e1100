/** True when a query failed on a unique constraint (optionally a specific one), on postgres.js and PGlite alike. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  // Drizzle wraps driver errors; the driver's error is the cause.
  for (let e = error as { code?: string; constraint?: string; constraint_name?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === '23505') {
      const name = e.constraint_name ?? e.constraint;
      return !constraint || name === constraint;
    }
  }
  return false;
}
