import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth/auth-form';
import { findCurrentMerchant } from '@/lib/dashboard/current-merchant';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { signInWithPassword } from '@/lib/dashboard/actions/auth';

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${translator(await requestLocale(), 'auth')('loginTitle')} — KPay` };
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[] }> }) {
  if (await findCurrentMerchant()) redirect('/dashboard');
  const [locale, { callbackUrl }] = await Promise.all([requestLocale(), searchParams]);
  const t = translator(locale, 'auth');
  return (
    <div className="rounded-3xl border border-ink-200 bg-white p-5 shadow-sm sm:p-7">
      <h1 className="text-xl font-bold text-ink-950">{t('loginTitle')}</h1>
      <p className="mt-1 mb-5 text-sm text-ink-600">{t('loginSubtitle')}</p>
      <AuthForm mode="login" action={signInWithPassword} callbackUrl={typeof callbackUrl === 'string' ? callbackUrl : undefined} />
      <p className="mt-5 text-center text-sm text-ink-600">
        {t('noAccount')}{' '}
        <Link href="/register" className="font-semibold text-brand-700 underline-offset-4 hover:underline">
          {t('createAccount')}
        </Link>
      </p>
    </div>
  );
}
