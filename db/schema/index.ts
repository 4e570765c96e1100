// Every table, one module per domain. db/client.ts hands this whole namespace to drizzle, so a new domain file must be
// added here; drizzle.config.ts reads the folder. Enum value lists live in lib/<domain>/ (components import them
// without touching db/); this barrel exports tables only.
export * from './accounts';
export * from './cards';
export * from './crypto';
export * from './shops';
export * from './sms';
export * from './transactions';
export * from './webhooks';
