import { DetailRow } from '@/components/dashboard/detail-row';
import { Timestamp } from '@/components/dashboard/transactions/timestamp';
import { Panel } from '@/components/ui/panel';
import type { Locale } from '@/lib/format/number';

/** A payment's moments (created, expires, paid…) in a panel; one that has not happened yet reads `none`. */
export function TimesPanel({ title, times, none, locale }: { title: string; times: { label: string; at: string | null }[]; none: string; locale: Locale }) {
  return (
    <Panel title={title}>
      <dl className="grid gap-3">
        {times.map(({ label, at }) => (
          <DetailRow key={label} label={label}>
            {at ? <Timestamp value={at} locale={locale} /> : <span className="text-ink-500">{none}</span>}
          </DetailRow>
        ))}
      </dl>
    </Panel>
  );
}
