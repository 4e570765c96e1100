/**
 * A list filter's `from` / `to` as a moment: a datetime as it is; a bare date is the start of that day (UTC) for
 * `from`, and the start of the next day for `to`, so `to=2025-11-30` includes that whole day.
 */
export function dateBoundary(value: string, end: boolean): Date {
  if (value.includes('T')) return new Date(value);
  const day = new Date(`${value}T00:00:00Z`);
  return end ? new Date(day.getTime() + 86_400_000) : day;
}
