import type { Database } from './client';

/**
 * A statement built once per database and prepared on the server (Drizzle's `.prepare(name)`), for the hottest reads:
 * built per call, Drizzle's query building is a large share of an indexed read's time, and PostgreSQL would plan the
 * same text again every time. One per database, because tests install a fresh database per file.
 */
export function preparedStatement<T>(build: (db: Database) => T): (db: Database) => T {
  const built = new WeakMap<Database, T>();
  return (db) => {
    let statement = built.get(db);
    if (statement === undefined) built.set(db, (statement = build(db)));
    return statement;
  };
}
