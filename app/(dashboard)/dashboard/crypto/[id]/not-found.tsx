import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, Panel } from '@/components/ui/panel';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';

/** A malformed id or another merchant's crypto payment: said plainly, inside the dashboard, with the way back. */
export default async function CryptoPaymentNotFound() {
  const t = translator(await requestLocale(), 'crypto');
  return (
    <Panel>
      <EmptyState
        title={<span role="heading" aria-level={1}>{t('detail.notFoundTitle')}</span>}
        body={t('detail.notFoundBody')}
        action={
          <Link href="/dashboard/crypto" className={buttonClass('secondary')}>
            {t('detail.back')}
          </Link>
        }
      />
    </Panel>
  );
}
