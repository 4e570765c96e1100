import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';

/** Shown while a dashboard page's data loads: the page's shape in grey, and a status for screen readers. */
export default async function DashboardLoading() {
  const t = translator(await requestLocale(), 'common');
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-5">
      <span className="sr-only">{t('loading')}</span>
      <div className="h-8 w-48 rounded-lg bg-ink-200" />
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="h-24 rounded-2xl bg-ink-200/70" />
        <div className="h-24 rounded-2xl bg-ink-200/70" />
        <div className="h-24 rounded-2xl bg-ink-200/70" />
      </div>
      <div className="h-64 rounded-2xl bg-ink-200/60" />
    </div>
  );
}
