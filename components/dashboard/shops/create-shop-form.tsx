'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { createShopAction } from '@/app/(dashboard)/dashboard/shops/actions';
import { Button, buttonClass } from '@/components/ui/button';
import { describedBy, Field, TextInput } from '@/components/ui/field';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import type { shopWithKeyResponse } from '@/lib/shops/schemas';
import { focusFirstInvalid } from './focus-first-invalid';
import { SecretReveal } from './secret-reveal';

type CreatedShop = z.infer<typeof shopWithKeyResponse>;

const FIELD_IDS = { name: 'shop-name', website: 'shop-website', phone: 'shop-phone' } as const;

/** An empty optional field is left out, not sent as "": the schema's optional means "not given". */
const optional = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * Creates a shop (POST /api/shops). The answer's API key is shown here once, in place of the form, until the
 * merchant says they have saved it; the form comes back empty for the next shop.
 */
export function CreateShopForm() {
  const t = useTranslations('shops');
  const tc = useTranslations('common');
  const [created, setCreated] = useState<CreatedShop>();
  const { run, pending, fieldError } = useDashboardAction(createShopAction, { success: t('create.created'), onSuccess: setCreated });

  if (created) {
    return (
      <SecretReveal
        kind="api-key"
        label={t('apiKey.label')}
        title={t('apiKey.newTitle', { name: created.name })}
        warning={t('apiKey.warning')}
        value={created.api_key}
        onDone={() => setCreated(undefined)}
      >
        <Link href={`/dashboard/shops/${created.id}`} className={buttonClass('primary')}>
          {t('create.openShop')}
        </Link>
      </SecretReveal>
    );
  }

  const errors = {
    name: fieldError('name', t('errors.name')),
    website: fieldError('website', t('errors.website')),
    phone: fieldError('phone', t('errors.phone')),
  };
  const optionalLabel = (label: string) => (
    <>
      {label} <span className="font-normal text-ink-500">({tc('optional')})</span>
    </>
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run({ name: String(form.get('name') ?? ''), website: optional(form.get('website')), phone: optional(form.get('phone')) });
    if (!result.ok) focusFirstInvalid(FIELD_IDS, result.error.fields);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('create.title')} className="space-y-4">
      <Field id={FIELD_IDS.name} label={t('fields.name')} error={errors.name}>
        <TextInput {...describedBy(FIELD_IDS.name, errors.name)} name="name" autoComplete="organization" maxLength={100} required invalid={Boolean(errors.name)} />
      </Field>
      <Field id={FIELD_IDS.website} label={optionalLabel(t('fields.website'))} hint={t('fields.websiteHint')} error={errors.website}>
        <TextInput
          {...describedBy(FIELD_IDS.website, errors.website, true)}
          name="website"
          type="url"
          inputMode="url"
          dir="ltr"
          autoComplete="url"
          placeholder="https://"
          maxLength={500}
          invalid={Boolean(errors.website)}
        />
      </Field>
      <Field id={FIELD_IDS.phone} label={optionalLabel(t('fields.phone'))} hint={t('fields.phoneHint')} error={errors.phone}>
        <TextInput {...describedBy(FIELD_IDS.phone, errors.phone, true)} name="phone" type="tel" dir="ltr" autoComplete="tel" maxLength={32} invalid={Boolean(errors.phone)} />
      </Field>
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t('create.submitting') : t('create.submit')}
      </Button>
    </form>
  );
}
