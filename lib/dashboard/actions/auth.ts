'use server';

// The dashboard's sign-in, registration and sign-out. They live here rather than beside the pages: Auth.js does not
// need them in app/ (signIn and signOut are plain functions any server action may call), and the sign-in form
// component needs the AuthFormState type without importing from a route group.

import { CredentialsSignin } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import type { z } from 'zod';
import { toErrorBody } from '@/lib/api/error-body';
import { clientIp } from '@/lib/api/client-ip';
import { limitRegistration } from '@/lib/api/rate-limits';
import { rejectNul, validate } from '@/lib/api/handler';
import { signIn, signOut, TooManyAttempts } from '@/lib/auth/dashboard-auth';
import { revokeSession } from '@/lib/auth/refresh-session';
import { createUser } from '@/lib/auth/register-user';
import { registerInput } from '@/lib/auth/schemas';
import { findCurrentMerchant } from '@/lib/dashboard/current-merchant';

export interface AuthFormState {
  /** A message key in the "auth" namespace, or a common error code. */
  error?: 'wrongCredentials' | 'rateLimited' | 'generic';
  fields?: Record<string, string>;
  values?: { name?: string; mobile?: string };
}

/** Where to go after signing in: only a dashboard path of this site, never an address someone put in the link. */
function safeCallback(value: FormDataEntryValue | null): string {
  const path = typeof value === 'string' ? value : '';
  return /^\/dashboard(?:[/?#][^\\]*)?$/.test(path) && !path.startsWith('//') ? path : '/dashboard';
}

async function startDashboardSession(mobile: string, password: string): Promise<AuthFormState | undefined> {
  try {
    await signIn('credentials', { mobile, password, redirect: false });
  } catch (error) {
    if (error instanceof TooManyAttempts) return { error: 'rateLimited', values: { mobile } };
    if (error instanceof CredentialsSignin) return { error: 'wrongCredentials', values: { mobile } };
    throw error;
  }
  return undefined;
}

export async function signInWithPassword(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const mobile = String(form.get('mobile') ?? '');
  const failed = await startDashboardSession(mobile, String(form.get('password') ?? ''));
  if (failed) return failed;
  redirect(safeCallback(form.get('callbackUrl')));
}

/** Registration through the same schema, rate limits and createUser as POST /api/auth/register, then sign-in. */
export async function registerMerchant(_previous: AuthFormState, form: FormData): Promise<AuthFormState> {
  const raw = { name: String(form.get('name') ?? ''), mobile: String(form.get('mobile') ?? ''), password: String(form.get('password') ?? '') };
  const values = { name: raw.name, mobile: raw.mobile };
  let input: z.output<typeof registerInput>;
  try {
    // The API's input rules: NUL characters, then the schema; each failure names its field.
    input = validate(registerInput, rejectNul(raw));
    await limitRegistration(clientIp(await headers()), input.mobile);
    await createUser(input);
  } catch (error) {
    // The API's reading of the failure; a form shows a refusal beside its fields, anything else is a real error.
    const { body, expected } = toErrorBody(error);
    if (expected && body.error.code === 'rate_limited') return { error: 'rateLimited', values };
    if (expected && body.error.fields) return { fields: body.error.fields, values };
    throw error;
  }
  const failed = await startDashboardSession(input.mobile, input.password);
  if (failed) return failed;
  redirect('/dashboard');
}

/** Ends the dashboard session: the `sessions` row is revoked first, so the cookie is dead even if it was copied. */
export async function signOutMerchant(): Promise<void> {
  const merchant = await findCurrentMerchant();
  if (merchant) await revokeSession(merchant.principal.sessionId);
  await signOut({ redirectTo: '/login' });
}
