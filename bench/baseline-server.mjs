#!/usr/bin/env node
// The yardstick for bench/run.mjs: the same four KPay endpoints on plain node:http + postgres.js, with no framework.
//
// Why it exists: on 2 cores the load generator, PostgreSQL and the server share the CPU, so absolute req/s mean
// little. Running this next to `npm start` in the same run, against the same database with the same pool size (10)
// and the SAME SQL statements (the text Drizzle sends; unprepared here, though KPay prepares check and payment), shows
// how much of each request is KPay's stack (Next route handling, zod, Drizzle) and how much is the database work
// itself. It is not a second implementation to ship: validation is minimal and only what the benchmark sends is supported.
//
//   DATABASE_URL=postgres://... PORT=3301 KPAY_PUBLIC_URL=http://localhost:3300 KPAY_JWT_SECRET=... \
//     node bench/baseline-server.mjs
//
// Endpoints (same JSON shapes as the app):
//   GET  /api/transactions/check/:authority    status, expires_at by authority (unique index)
//   GET  /api/transactions/payment/:authority  transactions ⋈ cards ⋈ shops by authority
//   POST /api/transactions/create              X-API-Key (sha256 lookup), then lib/transactions/create-transaction.ts's
//                                              statements in one transaction (advisory lock, shop, card, expire CTE,
//                                              taken amounts, insert, 'created' event)
//   GET  /api/transactions                     Bearer JWT (HS256 checked with node:crypto) + the session read the app
//                                              does per request, then rows + count(*) as list-transactions.ts
//   GET  /health
import { createHash, createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import postgres from 'postgres';

const port = Number(process.env.PORT || 3301);
const publicUrl = (process.env.KPAY_PUBLIC_URL || `http://localhost:${port}`).replace(/\/+$/, '');
const jwtSecret = process.env.KPAY_JWT_SECRET;
// KPay defaults (lib/config/config.ts): 1% fee rounded up, offsets of 1,000 x 200, 15-minute window.
const MIN_AMOUNT = 10_000;
const MAX_AMOUNT = Number(process.env.KPAY_MAX_AMOUNT || 100_000_000);
const FEE_BASIS_POINTS = 100;
const OFFSET_STEP = 1_000;
const OFFSET_MAX_STEPS = 200;
const TTL_MINUTES = 15;

if (!process.env.DATABASE_URL) {
  console.error('baseline: DATABASE_URL is required');
  process.exit(2);
}
// Like db/client.ts openPostgres(): pool of 10. prepare: false as Drizzle's unprepared statements; KPay's check and
// payment are prepared (db/prepared-statement.ts), so this yardstick pays a describe round trip on them that KPay does not.
const sql = postgres(process.env.DATABASE_URL, { max: 10, prepare: false, onnotice: () => {} });

// Only the benchmark card's bank; lib/banking/banks.ts has the full table (others answer empty names here).
const BANKS = { mellat: { nameFa: 'بانک ملت', nameEn: 'Mellat' } };

const TX_COLUMNS = `"transactions"."id", "transactions"."user_id", "transactions"."shop_id", "transactions"."card_id",
  "transactions"."authority", "transactions"."amount", "transactions"."fee", "transactions"."fee_side",
  "transactions"."amount_offset", "transactions"."final_amount", "transactions"."status", "transactions"."paid_late",
  "transactions"."paid_via", "transactions"."callback_url", "transactions"."description", "transactions"."factor_number",
  "transactions"."expires_at", "transactions"."paid_at", "transactions"."verified_at", "transactions"."closed_at",
  "transactions"."created_at", "transactions"."updated_at"`;
const TX_FIELDS = [
  'id', 'userId', 'shopId', 'cardId', 'authority', 'amount', 'fee', 'feeSide', 'amountOffset', 'finalAmount', 'status',
  'paidLate', 'paidVia', 'callbackUrl', 'description', 'factorNumber', 'expiresAt', 'paidAt', 'verifiedAt', 'closedAt',
  'createdAt', 'updatedAt',
];
const CARD_FIELDS = ['id', 'userId', 'cardNumber', 'ownerName', 'bankCode', 'sheba', 'isActive', 'deletedAt', 'createdAt', 'updatedAt'];
const BIGINTS = new Set(['amount', 'fee', 'amountOffset', 'finalAmount']);

/** A row in array mode (as Drizzle reads it) to an object, bigint columns as numbers (Drizzle's mode: 'number'). */
function toObject(values, fields, from = 0) {
  const o = {};
  fields.forEach((f, i) => (o[f] = BIGINTS.has(f) ? Number(values[from + i]) : values[from + i]));
  return o;
}

// lib/transactions/status.ts
const effectiveStatus = (row, now = new Date()) =>
  row.status === 'pending' && row.expiresAt.getTime() <= now.getTime() ? 'expired' : row.status;
const remainingSeconds = (row, now = new Date()) =>
  effectiveStatus(row, now) !== 'pending' ? 0 : Math.max(0, Math.floor((row.expiresAt.getTime() - now.getTime()) / 1000));
const isPaid = (s) => s === 'paid' || s === 'verified';
const iso = (d) => d?.toISOString() ?? null;
const paymentUrl = (authority) => `${publicUrl}/pay/${authority}`;

// lib/transactions/transaction-access.ts toTransactionResponse
const toTransactionResponse = (tx, now) => ({
  id: tx.id,
  authority: tx.authority,
  shop_id: tx.shopId,
  card_id: tx.cardId,
  amount: tx.amount,
  fee: tx.fee,
  fee_side: tx.feeSide,
  final_amount: tx.finalAmount,
  status: effectiveStatus(tx, now),
  payment_url: paymentUrl(tx.authority),
  callback_url: tx.callbackUrl,
  description: tx.description,
  factor_number: tx.factorNumber,
  paid_late: tx.paidLate,
  paid_via: tx.paidVia,
  expires_at: tx.expiresAt.toISOString(),
  paid_at: iso(tx.paidAt),
  verified_at: iso(tx.verifiedAt),
  created_at: tx.createdAt.toISOString(),
});

class HttpError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
const notFound = (what) => new HttpError(404, 'not_found', `${what} not found`);
const unauthorized = (message) => new HttpError(401, 'unauthorized', message);

const AUTHORITY = /^[A-Za-z0-9_-]{20,64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUSES = new Set(['pending', 'paid', 'verified', 'expired', 'cancelled', 'failed']);

async function check(authority) {
  const rows = await sql`select "status", "expires_at" from "transactions" where "transactions"."authority" = ${authority} limit ${1}`.values();
  if (!rows.length) throw notFound('Transaction');
  const row = { status: rows[0][0], expiresAt: rows[0][1] };
  const status = effectiveStatus(row);
  return { authority, status, is_paid: isPaid(status), remaining_seconds: remainingSeconds(row) };
}

async function payment(authority) {
  const rows = await sql`select ${sql.unsafe(TX_COLUMNS)}, "cards"."id", "cards"."user_id", "cards"."card_number",
      "cards"."owner_name", "cards"."bank_code", "cards"."sheba", "cards"."is_active", "cards"."deleted_at",
      "cards"."created_at", "cards"."updated_at", "shops"."name"
    from "transactions"
    inner join "cards" on "cards"."id" = "transactions"."card_id"
    inner join "shops" on "shops"."id" = "transactions"."shop_id"
    where "transactions"."authority" = ${authority} limit ${1}`.values();
  if (!rows.length) throw notFound('Transaction');
  const tx = toObject(rows[0], TX_FIELDS);
  const card = toObject(rows[0], CARD_FIELDS, TX_FIELDS.length);
  const shopName = rows[0][TX_FIELDS.length + CARD_FIELDS.length];
  const bank = BANKS[card.bankCode];
  return {
    authority: tx.authority,
    amount: tx.amount,
    final_amount: tx.finalAmount,
    fee: tx.fee,
    fee_side: tx.feeSide,
    status: effectiveStatus(tx),
    card_number: card.cardNumber,
    owner_name: card.ownerName,
    bank_name: bank?.nameFa ?? '',
    bank_name_en: bank?.nameEn ?? '',
    shop_name: shopName,
    description: tx.description,
    factor_number: tx.factorNumber,
    remaining_seconds: remainingSeconds(tx),
    expires_at: tx.expiresAt.toISOString(),
  };
}

/** lib/auth/principal.ts, API key branch: one indexed lookup by the key's SHA-256. */
async function shopFromKey(headers) {
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  const apiKey = headers['x-api-key']?.trim() || (bearer?.startsWith('kpay_sk_') ? bearer : undefined);
  if (!apiKey) throw unauthorized('Authentication required');
  const hash = createHash('sha256').update(apiKey).digest('hex');
  const rows = await sql`select "id", "user_id", "is_active" from "shops" where "shops"."api_key_hash" = ${hash} limit ${1}`.values();
  if (!rows.length) throw unauthorized('Invalid API key');
  if (!rows[0][2]) throw new HttpError(403, 'forbidden', 'This shop is deactivated');
  return { shopId: rows[0][0], userId: rows[0][1] };
}

/** lib/auth/principal.ts, user branch: verify the HS256 access token, then the one indexed read of the session. */
async function userFromJwt(headers) {
  const token = /^Bearer\s+(\S+)\s*$/i.exec(headers.authorization ?? '')?.[1];
  if (!token) throw unauthorized('Authentication required');
  const [header, payload, signature] = token.split('.');
  if (!signature) throw unauthorized('Invalid or expired access token');
  if (jwtSecret) {
    const expected = createHmac('sha256', jwtSecret).update(`${header}.${payload}`).digest();
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw unauthorized('Invalid or expired access token');
  }
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  if (claims.iss !== 'kpay' || claims.aud !== 'kpay-api' || !(claims.exp * 1000 > Date.now())) {
    throw unauthorized('Invalid or expired access token');
  }
  const rows = await sql`select "user_id" from "sessions" where ("sessions"."id" = ${claims.sid} and "sessions"."user_id" = ${claims.sub} and "sessions"."revoked_at" is null) limit ${1}`.values();
  if (!rows.length) throw unauthorized('Invalid or expired access token');
  return { userId: rows[0][0] };
}

function parseCreateInput(body) {
  const fail = (field, message) => {
    const e = new HttpError(422, 'validation_failed', 'Some fields are invalid');
    e.fields = { [field]: message };
    throw e;
  };
  if (typeof body !== 'object' || body === null) fail('body', 'Expected an object');
  if (!UUID.test(body.shop_id ?? '')) fail('shop_id', 'Invalid UUID');
  if (!UUID.test(body.card_id ?? '')) fail('card_id', 'Invalid UUID');
  const amount = typeof body.amount === 'number' ? body.amount : Number(String(body.amount ?? '').replace(/[,\s]/g, '') || NaN);
  if (!Number.isSafeInteger(amount)) fail('amount', 'Amount must be a whole number of Rials');
  if (typeof body.callback_url !== 'string' || !/^https?:\/\//.test(body.callback_url)) fail('callback_url', 'Must be an http(s) URL');
  const feeSide = body.fee_side ?? 'merchant';
  if (feeSide !== 'merchant' && feeSide !== 'customer') fail('fee_side', 'Invalid option');
  if (amount < MIN_AMOUNT || amount > MAX_AMOUNT) fail('amount', `Amount must be between ${MIN_AMOUNT} and ${MAX_AMOUNT} Rials`);
  const text = (v, max) => (typeof v === 'string' && v.trim() ? v.trim().slice(0, max) : null);
  return {
    shopId: body.shop_id,
    cardId: body.card_id,
    amount,
    feeSide,
    callbackUrl: body.callback_url.trim(),
    description: text(body.description, 500),
    factorNumber: text(body.factor_number, 100),
  };
}

/** lib/transactions/create-transaction.ts, statement for statement. */
async function create(headers, body) {
  const principal = await shopFromKey(headers);
  const input = parseCreateInput(body);
  for (let attempt = 0; ; attempt++) {
    try {
      return await sql.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtextextended(${principal.userId}, 0))`;
        const shop = await tx`select "is_active" from "shops" where ("shops"."id" = ${principal.shopId} and "shops"."id" = ${input.shopId})`.values();
        if (!shop.length) throw notFound('Shop');
        if (!shop[0][0]) throw new HttpError(409, 'invalid_state', 'This shop is deactivated');
        const card = await tx`select "is_active" from "cards" where ("cards"."id" = ${input.cardId} and "cards"."user_id" = ${principal.userId} and "cards"."deleted_at" is null)`.values();
        if (!card.length) throw notFound('Card');
        if (!card[0][0]) throw new HttpError(409, 'invalid_state', 'This card is deactivated');

        // lib/transactions/expire-due-transactions.ts
        await tx`
      with expired as (
        update transactions set status = 'expired', closed_at = now(), updated_at = now()
        where status = 'pending' and expires_at <= now() and user_id = ${principal.userId}
        returning id
      )
      insert into transaction_events (transaction_id, type, from_status, to_status, actor)
      select id, 'expired', 'pending', 'expired', 'system' from expired
      returning transaction_id`;

        // lib/transactions/money.ts
        const fee = Number((BigInt(input.amount) * BigInt(FEE_BASIS_POINTS) + 9_999n) / 10_000n);
        const base = input.feeSide === 'customer' ? input.amount + fee : input.amount;
        const takenRows = await tx`select "final_amount" from "transactions" where ("transactions"."user_id" = ${principal.userId} and "transactions"."status" = ${'pending'} and "transactions"."final_amount" >= ${base} and "transactions"."final_amount" < ${base + OFFSET_STEP * OFFSET_MAX_STEPS})`.values();
        const taken = new Set(takenRows.map((r) => Number(r[0])));
        let offset = null;
        for (let k = 0; k < OFFSET_MAX_STEPS; k++) {
          if (!taken.has(base + k * OFFSET_STEP)) {
            offset = k * OFFSET_STEP;
            break;
          }
        }
        if (offset === null) {
          throw new HttpError(409, 'conflict', 'Too many pending transactions for this amount; try again when some complete or expire');
        }
        const now = new Date();
        const expiresAt = new Date(now.getTime() + TTL_MINUTES * 60_000);
        // Drizzle writes `default` for unset columns; description / factor_number are bound only when given.
        const [inserted] = await tx`insert into "transactions" ("id", "user_id", "shop_id", "card_id", "authority", "amount", "fee", "fee_side", "amount_offset", "final_amount", "status", "paid_late", "paid_via", "callback_url", "description", "factor_number", "expires_at", "paid_at", "verified_at", "closed_at", "created_at", "updated_at")
          values (default, ${principal.userId}, ${input.shopId}, ${input.cardId}, ${randomBytes(18).toString('base64url')}, ${input.amount}, ${fee}, ${input.feeSide}, ${offset}, ${base + offset}, default, default, default, ${input.callbackUrl}, ${input.description}, ${input.factorNumber}, ${expiresAt}, default, default, default, ${now}, ${now})
          returning ${sql.unsafe(TX_COLUMNS.replaceAll('"transactions".', ''))}`.values();
        const row = toObject(inserted, TX_FIELDS);
        await tx`insert into "transaction_events" ("id", "transaction_id", "type", "from_status", "to_status", "actor", "data", "created_at") values (default, ${row.id}, ${'created'}, default, ${'pending'}, ${'shop_api'}, default, ${now})`;
        return {
          id: row.id,
          authority: row.authority,
          amount: row.amount,
          final_amount: row.finalAmount,
          fee: row.fee,
          fee_side: row.feeSide,
          status: row.status,
          payment_url: paymentUrl(row.authority),
          expires_at: row.expiresAt.toISOString(),
        };
      });
    } catch (error) {
      if (attempt < 3 && error?.code === '23505' && error?.constraint_name === 'transactions_pending_amount_uq') continue;
      throw error;
    }
  }
}

/** lib/transactions/list-transactions.ts (status, page, per_page, shop_id; the benchmark sends no dates or search). */
async function list(headers, searchParams) {
  const { userId } = await userFromJwt(headers);
  const page = Number(searchParams.get('page') ?? 1);
  const perPage = Number(searchParams.get('per_page') ?? 20);
  if (!Number.isInteger(page) || page < 1 || page > 100_000) throw new HttpError(422, 'validation_failed', 'page');
  if (!Number.isInteger(perPage) || perPage < 1 || perPage > 100) throw new HttpError(422, 'validation_failed', 'per_page');
  const status = searchParams.get('status');
  if (status !== null && !STATUSES.has(status)) throw new HttpError(422, 'validation_failed', 'status');
  const shopId = searchParams.get('shop_id');
  const now = new Date();

  // The same WHERE Drizzle builds: and(user, [shop], [status condition]).
  const conditions = [sql`"transactions"."user_id" = ${userId}`];
  if (shopId) conditions.push(sql`"transactions"."shop_id" = ${shopId}`);
  if (status === 'pending') {
    conditions.push(sql`("transactions"."status" = ${'pending'} and "transactions"."expires_at" > ${now})`);
  } else if (status === 'expired') {
    conditions.push(sql`("transactions"."status" = ${'expired'} or ("transactions"."status" = ${'pending'} and "transactions"."expires_at" <= ${now}))`);
  } else if (status) {
    conditions.push(sql`"transactions"."status" = ${status}`);
  }
  const where = conditions.length === 1 ? conditions[0] : sql`(${conditions.reduce((a, c) => sql`${a} and ${c}`)})`;

  // Two statements on two pool connections at once, as the app's Promise.all does.
  const [rows, [total]] = await Promise.all([
    sql`select ${sql.unsafe(TX_COLUMNS.replaceAll('"transactions".', ''))} from "transactions" where ${where} order by "transactions"."created_at" desc, "transactions"."id" desc limit ${perPage} offset ${(page - 1) * perPage}`.values(),
    sql`select count(*) from "transactions" where ${where}`.values(),
  ]);
  return {
    transactions: rows.map((r) => toTransactionResponse(toObject(r, TX_FIELDS), now)),
    total: Number(total[0]),
    page,
    per_page: perPage,
  };
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > 64 * 1024) reject(new HttpError(413, 'payload_too_large', 'Body must be at most 65536 bytes'));
      else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString()));
      } catch {
        reject(new HttpError(400, 'invalid_json', 'Request body is not valid JSON'));
      }
    });
    req.on('error', reject);
  });
}

function send(res, status, data) {
  const body = JSON.stringify(data);
  // The same headers the app's apiRoute() adds.
  res.writeHead(status, {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-request-id': randomUUID(),
    'cache-control': 'no-store',
  });
  res.end(body);
}

const server = http.createServer(async (req, res) => {
  try {
    const url = new URL(req.url, 'http://localhost');
    const p = url.pathname;
    let m;
    if (req.method === 'GET' && (m = /^\/api\/transactions\/check\/([^/]+)$/.exec(p))) {
      if (!AUTHORITY.test(m[1])) throw notFound('Not');
      return send(res, 200, await check(m[1]));
    }
    if (req.method === 'GET' && (m = /^\/api\/transactions\/payment\/([^/]+)$/.exec(p))) {
      if (!AUTHORITY.test(m[1])) throw notFound('Not');
      return send(res, 200, await payment(m[1]));
    }
    if (req.method === 'POST' && p === '/api/transactions/create') {
      const body = await readJson(req);
      return send(res, 201, await create(req.headers, body));
    }
    if (req.method === 'GET' && p === '/api/transactions') return send(res, 200, await list(req.headers, url.searchParams));
    if (req.method === 'GET' && p === '/health') {
      await sql`select 1`;
      return send(res, 200, { ok: true });
    }
    throw notFound('Route');
  } catch (error) {
    if (error instanceof HttpError) {
      return send(res, error.status, { error: { code: error.code, message: error.message, ...(error.fields && { fields: error.fields }) } });
    }
    console.error('baseline: unhandled error', error);
    send(res, 500, { error: { code: 'internal_error', message: 'Internal error' } });
  }
});

server.listen(port, () => console.log(`baseline: listening on http://localhost:${port}`));

async function shutdown() {
  server.close();
  await sql.end({ timeout: 2 });
  process.exit(0);
}
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
