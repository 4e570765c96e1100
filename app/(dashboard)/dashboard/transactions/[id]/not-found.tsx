import { DetailNotFound } from '@/components/dashboard/detail-not-found';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';

/** A malformed id or another merchant's transaction. */
export default async function TransactionNotFound() {
  const t = translator(await requestLocale(), 'transactions');
  return <DetailNotFound title={t('detail.notFoundTitle')} body={t('detail.notFoundBody')} back={{ href: '/dashboard/transactions', label: t('detail.back') }} />;
}
