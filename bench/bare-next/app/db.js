import postgres from 'postgres';

// Like KPay's db/client.ts: one pool of 10 per process, kept on globalThis so every route bundle shares it.
const KEY = Symbol.for('bare-next.sql');
export const sql = (globalThis[KEY] ??= postgres(process.env.DATABASE_URL, { max: 10, onnotice: () => {} }));

/** lib/transactions/status.ts */
export const effectiveStatus = (row, now = new Date()) =>
  row.status === 'pending' && row.expiresAt.getTime() <= now.getTime() ? 'expired' : row.status;
export const remainingSeconds = (row, now = new Date()) =>
  effectiveStatus(row, now) !== 'pending' ? 0 : Math.max(0, Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000));

export const notFound = () => Response.json({ error: { code: 'not_found', message: 'Transaction not found' } }, { status: 404 });
