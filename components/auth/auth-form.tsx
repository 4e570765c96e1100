'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { describedBy, Field, TextInput } from '@/components/ui/field';
import type { AuthFormState } from '@/lib/dashboard/actions/auth';

type Action = (previous: AuthFormState, form: FormData) => Promise<AuthFormState>;

/**
 * Sign-in and registration. A plain form posting to a server action: it works before JavaScript loads, and the
 * browser's password manager sees ordinary fields (autocomplete tokens set).
 */
export function AuthForm({ mode, action, callbackUrl }: { mode: 'login' | 'register'; action: Action; callbackUrl?: string }) {
  const t = useTranslations('auth');
  const [state, formAction, pending] = useActionState(action, {});
  const fields = state.fields ?? {};
  const fieldError = (name: 'name' | 'mobile' | 'password'): string | undefined => {
    const message = fields[name];
    if (!message) return undefined;
    if (name === 'mobile') return message === 'already registered' ? t('mobileTaken') : t('invalidMobile');
    return name === 'password' ? t('shortPassword') : t('nameRequired');
  };
  const errors = { name: fieldError('name'), mobile: fieldError('mobile'), password: fieldError('password') };

  return (
    <form action={formAction} className="space-y-4" noValidate>
      {state.error ? (
        <p role="alert" className="rounded-xl border border-red-200 bg-red-50 px-3.5 py-2.5 text-sm text-red-800">
          {t(state.error === 'generic' ? 'wrongCredentials' : state.error)}
        </p>
      ) : null}
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      {mode === 'register' ? (
        <Field id="name" label={t('name')} error={errors.name}>
          <TextInput {...describedBy('name', errors.name)} name="name" autoComplete="name" required maxLength={100} defaultValue={state.values?.name} invalid={!!errors.name} />
        </Field>
      ) : null}
      <Field id="mobile" label={t('mobile')} hint={t('mobileHint')} error={errors.mobile}>
        <TextInput
          {...describedBy('mobile', errors.mobile, true)}
          name="mobile"
          type="tel"
          inputMode="tel"
          dir="ltr"
          autoComplete="username"
          required
          maxLength={20}
          defaultValue={state.values?.mobile}
          invalid={!!errors.mobile}
          className="text-start"
        />
      </Field>
      <Field id="password" label={t('password')} hint={mode === 'register' ? t('passwordHint') : undefined} error={errors.password}>
        <TextInput
          {...describedBy('password', errors.password, mode === 'register')}
          name="password"
          type="password"
          dir="ltr"
          autoComplete={mode === 'register' ? 'new-password' : 'current-password'}
          required
          minLength={mode === 'register' ? 6 : 1}
          maxLength={128}
          invalid={!!errors.password}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {mode === 'login' ? (pending ? t('signingIn') : t('signIn')) : pending ? t('registering') : t('register')}
      </Button>
    </form>
  );
}
