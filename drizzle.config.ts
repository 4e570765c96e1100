import { defineConfig } from 'drizzle-kit';

// Only `drizzle-kit generate` uses this: it diffs the tables of db/schema/ (one file per domain) against
// db/migrations, no database needed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema',
  out: './db/migrations',
});
