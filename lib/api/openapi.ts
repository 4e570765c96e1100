import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { authOperations } from '@/lib/auth/operations';
import { cardOperations } from '@/lib/cards/operations';
import { cryptoPaymentOperations } from '@/lib/crypto-payments/operations';
import { currencyOperations } from '@/lib/currencies/operations';
import { ERROR_CODES } from '@/lib/errors';
import { ledgerOperations } from '@/lib/ledger/operations';
import { shopOperations } from '@/lib/shops/operations';
import { smsOperations } from '@/lib/sms/operations';
import { transactionOperations } from '@/lib/transactions/operations';
import { webhookOperations } from '@/lib/webhooks/operations';
import { ERROR_STATUS } from './error-body';
import type { AnyOperation, OperationTag } from './operation';
import { routeRateLimits } from './route-rate-limits';
import { sandboxOperations } from '@/lib/sandbox/operations';
import { withdrawalOperations } from '@/lib/withdrawals/operations';
import { healthOperations } from '@/lib/health/operations';

/** Every operation of the API, domain by domain, in the order /docs shows them. */
const domains: { tag: OperationTag; operations: Record<string, AnyOperation> }[] = [
  { tag: 'Authentication', operations: authOperations },
  { tag: 'Shops', operations: shopOperations },
  { tag: 'Cards', operations: cardOperations },
  { tag: 'Transactions', operations: transactionOperations },
  { tag: 'SMS', operations: smsOperations },
  { tag: 'Webhooks', operations: webhookOperations },
  { tag: 'Crypto gateway', operations: { ...currencyOperations, ...cryptoPaymentOperations, ...ledgerOperations, ...withdrawalOperations } },
  { tag: 'Sandbox', operations: sandboxOperations },
  { tag: 'Operations', operations: healthOperations },
];

export const operations: AnyOperation[] = domains.flatMap((d) => Object.values(d.operations));

/** /docs opens on this page (Scalar renders info.description): authentication, errors, the payment flow, webhooks. */
const INTRODUCTION_FILE = path.join(process.cwd(), 'lib/api/openapi-introduction.md');

/**
 * zod's JSON Schema with two fixes for readers: `.meta()` and `.describe()` given to a transformed schema (a pipe,
 * such as the mobile or card number parsers) are kept in the request's schema, where zod documents only the input
 * side; and the bounds zod writes for every integer (±2^53-1, JavaScript's safe range) are dropped, so no viewer shows
 * -9007199254740991 as an example.
 */
function schemaOf(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
    override: ({ zodSchema, jsonSchema }) => {
      const meta = z.globalRegistry.get(zodSchema);
      for (const [key, value] of Object.entries(meta ?? {})) if (key !== 'id' && !(key in jsonSchema)) jsonSchema[key] = value;
      if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
      if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    },
  }) as Record<string, unknown>;
  delete json.$schema; // the document's own dialect applies
  return json;
}

const errorSchema = schemaOf(
  z.object({
    error: z.object({
      code: z.enum(ERROR_CODES).meta({ examples: ['validation_failed'] }),
      message: z.string().meta({ examples: ['Some fields are invalid'] }),
      fields: z
        .record(z.string(), z.string())
        .optional()
        .describe('Field path -> message (validation errors)')
        .meta({ examples: [{ amount: 'Amount must be a whole number of Rials' }] }),
      request_id: z.string().optional().describe('Only on a 500: quote it when reporting the failure'),
    }),
  }),
  'output',
);

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds until a new attempt may succeed', schema: { type: 'integer', examples: [42] } } };

function errorResponses(op: AnyOperation) {
  const codes = [...new Set([...op.errors, ...(op.rateLimit ? (['rate_limited'] as const) : [])])];
  const statuses = [...new Set(codes.map((code) => ERROR_STATUS[code]))];
  return Object.fromEntries(
    statuses.map((status) => {
      const here = codes.filter((code) => ERROR_STATUS[code] === status);
      const limit = status === 429 && op.rateLimit ? ` ${routeRateLimits[op.rateLimit].description}` : '';
      return [
        String(status),
        {
          description: here.join(', ') + (limit && ':' + limit),
          ...(status === 429 && { headers: RETRY_AFTER }),
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        },
      ];
    }),
  );
}

const EVENT_STREAM =
  'Server-sent events (text/event-stream). Each message is `id: <version>`, `event: status` and `data: <JSON>` (the schema in `x-event-data`): ' +
  'first the current state (nothing if `Last-Event-ID` is the current version), then one per change. Comments (`: keep-alive`) keep an idle stream open; ' +
  'the stream ends after a final state, and also after its maximum age (`KPAY_EVENT_STREAM_MAX_AGE_SECONDS`) or when this instance stops hearing the database: reconnect with `Last-Event-ID` (EventSource does), or poll.';

function toOperationObject(op: AnyOperation) {
  const parameters = [
    ...Object.entries((op.params as z.ZodObject | undefined)?.shape ?? {}).map(([name, schema]) => ({
      name,
      in: 'path',
      required: true,
      schema: schemaOf(schema as z.ZodType, 'input'),
    })),
    ...queryParameters(op.query),
  ];
  const content = (schema: z.ZodType) => {
    const json = { 'application/json': { schema: schemaOf(schema, 'input') } };
    return op.form ? { ...json, 'application/x-www-form-urlencoded': { schema: schemaOf(schema, 'input') } } : json;
  };
  return {
    tags: [op.tag],
    summary: op.summary,
    ...(op.description && { description: op.description }),
    ...(op.auth !== 'none' && {
      security:
        op.auth === 'optional'
          ? [{}, { bearerAuth: [] }, { apiKey: [] }]
          : op.auth === 'user_or_key'
            ? [{ bearerAuth: [] }, { apiKey: [] }]
            : [{ bearerAuth: [] }],
    }),
    ...(parameters.length && { parameters }),
    ...(op.body && { requestBody: { required: true, content: content(op.body) } }),
    responses: {
      [String(op.status)]: {
        description: op.events ? EVENT_STREAM : op.status === 204 ? 'No content' : op.status === 201 ? 'Created' : 'Success',
        ...(op.response && { content: { 'application/json': { schema: schemaOf(op.response, 'output') } } }),
        // OpenAPI 3.1 has no schema for the items of a stream (3.2's itemSchema): each event's data goes in an extension.
        ...(op.events && { content: { 'text/event-stream': { schema: { type: 'string' }, 'x-event-data': schemaOf(op.events, 'output') } } }),
      },
      ...(op.events && { '204': { description: 'Last-Event-ID is the final version: nothing more will come (EventSource stops)' } }),
      ...errorResponses(op),
    },
  };
}

function queryParameters(query: z.ZodType | undefined) {
  if (!query) return [];
  const json = schemaOf(query, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, schema]) => ({
    name,
    in: 'query',
    required: json.required?.includes(name) ?? false,
    schema,
  }));
}

export function buildOpenApiDocument(serverUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) (paths[op.path] ??= {})[op.method.toLowerCase()] = toOperationObject(op);
  return {
    openapi: '3.1.0',
    info: { title: 'KPay API', version: '1.0.0', description: readFileSync(INTRODUCTION_FILE, 'utf8') },
    servers: [{ url: `${serverUrl}/api` }],
    tags: domains.map(({ tag }) => ({ name: tag })),
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'User access token, or a shop API key (kpay_sk_...)' },
        apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: "A shop's API key (kpay_sk_...): acts for that shop only" },
      },
      schemas: { Error: errorSchema },
    },
  };
}
