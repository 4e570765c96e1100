import { EmptyState, Panel } from '@/components/ui/panel';
import { formatDate } from '@/lib/format/date';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { smsDeviceResponse } from '@/lib/sms/schemas';
import type { z } from 'zod';
import { AddDeviceForm } from './add-device-form';
import { RevokeDeviceButton } from './revoke-device-button';

const phoneIcon = (
  <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
    <rect x="7" y="3" width="10" height="18" rx="2" />
    <path d="M11 17.5h2" />
  </svg>
);

/** The merchant's forwarder phones (revoked ones are gone), and the form that adds one. */
export function DevicesPanel({ devices, locale, className }: { devices: z.infer<typeof smsDeviceResponse>[]; locale: Locale; className?: string }) {
  const t = translator(locale, 'sms');
  return (
    <Panel title={t('devices.title')} className={className}>
      {devices.length === 0 ? (
        <EmptyState icon={phoneIcon} title={t('devices.emptyTitle')} body={t('devices.emptyBody')} />
      ) : (
        <ul className="-mt-2 divide-y divide-ink-100">
          {devices.map((device) => (
            <li key={device.id} className="flex items-start justify-between gap-3 py-3">
              <div className="min-w-0 space-y-0.5">
                <p className="truncate font-semibold text-ink-900">{device.name}</p>
                <p className="text-xs text-ink-600">
                  {t('devices.token')}:{' '}
                  <code dir="ltr" className="text-ink-800">
                    {device.token_hint}
                  </code>
                </p>
                <p className="text-xs text-ink-500">{t('devices.added', { date: formatDate(device.created_at, locale) })}</p>
                <p className="text-xs text-ink-500">
                  {device.last_seen_at ? t('devices.lastSeen', { time: formatDate(device.last_seen_at, locale, 'dateTime') }) : t('devices.neverSeen')}
                </p>
              </div>
              <RevokeDeviceButton id={device.id} name={device.name} />
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2 border-t border-ink-100 pt-4">
        <AddDeviceForm />
      </div>
    </Panel>
  );
}
