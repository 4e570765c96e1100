import { DetailNotFound } from '@/components/dashboard/detail-not-found';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';

/** A malformed id or another merchant's crypto payment. */
export default async function CryptoPaymentNotFound() {
  const t = translator(await requestLocale(), 'crypto');
  return <DetailNotFound title={t('detail.notFoundTitle')} body={t('detail.notFoundBody')} back={{ href: '/dashboard/crypto', label: t('detail.back') }} />;
}
