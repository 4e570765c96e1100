import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { AuthForm } from '@/components/auth/auth-form';
import { findCurrentMerchant } from '@/lib/dashboard/current-merchant';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { registerMerchant } from '@/lib/dashboard/actions/auth';

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${translator(await requestLocale(), 'auth')('registerTitle')} — KPay` };
}

export default async function RegisterPage() {
  if (await findCurrentMerchant()) redirect('/dashboard');
  const t = translator(await requestLocale(), 'auth');
  return (
    <div className="rounded-3xl border border-ink-200 bg-white p-5 shadow-sm sm:p-7">
      <h1 className="text-xl font-bold text-ink-950">{t('registerTitle')}</h1>
      <p className="mt-1 mb-5 text-sm text-ink-600">{t('registerSubtitle')}</p>
      <AuthForm mode="register" action={registerMerchant} />
      <p className="mt-5 text-center text-sm text-ink-600">
        {t('haveAccount')}{' '}
        <Link href="/login" className="font-semibold text-brand-700 underline-offset-4 hover:underline">
          {t('goToLogin')}
        </Link>
      </p>
    </div>
  );
}
