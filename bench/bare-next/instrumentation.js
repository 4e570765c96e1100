// Turbopack looks for an instrumentation hook from the repository's root too (turbopack.root) and would build KPay's
// own instrumentation.ts into this app (migrations, jobs); this empty hook of its own takes its place.
export function register() {}
