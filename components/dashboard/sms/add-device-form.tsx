'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { createSmsDeviceAction } from '@/lib/dashboard/actions/sms';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import { Button } from '@/components/ui/button';
import { describedBy, Field, TextInput } from '@/components/ui/field';
import { type CreatedDevice, DeviceSetup } from './device-setup';

/** Adds a forwarder phone; its token and setup QR code are shown once, right here, until the merchant closes them. */
export function AddDeviceForm() {
  const t = useTranslations('sms.devices.add');
  const [name, setName] = useState('');
  const [created, setCreated] = useState<CreatedDevice | null>(null);
  const { run, pending, fieldError } = useDashboardAction(createSmsDeviceAction, {
    success: t('created'),
    onSuccess: (device) => {
      setCreated(device);
      setName('');
    },
  });

  if (created) return <DeviceSetup device={created} onDone={() => setCreated(null)} />;

  const error = fieldError('name', t('nameRequired'));
  const hint = t('nameHint');
  return (
    <form
      id="add-device"
      aria-labelledby="add-device-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void run({ name });
      }}
      className="space-y-3"
    >
      <h3 id="add-device-title" className="text-sm font-semibold text-ink-900">
        {t('title')}
      </h3>
      <Field id="sms-device-name" label={t('name')} hint={hint} error={error}>
        <TextInput
          {...describedBy('sms-device-name', error, hint)}
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={100}
          autoComplete="off"
          required
          invalid={Boolean(error)}
        />
      </Field>
      <Button type="submit" disabled={pending} aria-busy={pending} className="w-full sm:w-auto">
        {pending ? t('adding') : t('submit')}
      </Button>
    </form>
  );
}
