'use client';

import Image from 'next/image';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import type { createSmsDeviceAction } from '@/lib/dashboard/actions/sms';
import { Button } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';

export type CreatedDevice = Extract<Awaited<ReturnType<typeof createSmsDeviceAction>>, { ok: true }>['data'];

function CopyRow({ label, value, copyLabel }: { label: string; value: string; copyLabel: string }) {
  const tc = useTranslations('common');
  return (
    <div>
      <div className="flex items-center justify-between gap-2">
        <p className="text-xs font-medium text-ink-600">{label}</p>
        <CopyButton
          value={value}
          text={{ label: copyLabel, copied: tc('copied'), failed: tc('copyFailed') }}
          className="bg-white text-ink-800 ring-1 ring-ink-200 hover:bg-ink-50"
        />
      </div>
      <code dir="ltr" className="mt-1.5 block rounded-lg bg-white px-3 py-2 text-xs break-all text-ink-900 ring-1 ring-ink-200 select-all">
        {value}
      </code>
    </div>
  );
}

/**
 * The one time a device's token is visible: the inbound address and token to copy, the same two in a QR code (the
 * JSON of lib/sms/forwarder-setup-qr.ts), and the steps on the phone. Closing it forgets the token.
 */
export function DeviceSetup({ device, onDone }: { device: CreatedDevice; onDone: () => void }) {
  const t = useTranslations('sms.devices.setup');
  const heading = useRef<HTMLHeadingElement>(null);
  // Keyboard and screen-reader users land on what just appeared.
  useEffect(() => heading.current?.focus(), []);

  return (
    <section aria-labelledby="sms-device-setup-title" className="space-y-4 rounded-2xl border border-brand-200 bg-brand-50/60 p-4">
      <h3 id="sms-device-setup-title" ref={heading} tabIndex={-1} className="font-semibold text-ink-950">
        {t('title', { name: device.name })}
      </h3>
      <p className="rounded-xl bg-amber-50 p-3 text-sm leading-6 text-amber-900 ring-1 ring-amber-200">{t('once')}</p>
      <figure className="flex flex-col items-center gap-2">
        <Image src={device.setup_qr} alt={t('qrAlt', { name: device.name })} width={256} height={256} unoptimized className="size-64 rounded-lg bg-white" />
        <figcaption className="max-w-xs text-center text-xs text-ink-600">{t('qrHint')}</figcaption>
      </figure>
      <CopyRow label={t('url')} value={device.inbound_url} copyLabel={t('copyUrl')} />
      <CopyRow label={t('token')} value={device.token} copyLabel={t('copyToken')} />
      <div>
        <h4 className="text-sm font-semibold text-ink-900">{t('stepsTitle')}</h4>
        <ol className="mt-1.5 list-decimal space-y-1.5 ps-5 text-sm leading-6 text-ink-700">
          <li>{t('step1')}</li>
          <li>{t('step2')}</li>
          <li>{t('step3')}</li>
        </ol>
      </div>
      <Button variant="secondary" onClick={onDone} className="w-full sm:w-auto">
        {t('done')}
      </Button>
    </section>
  );
}
