'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { updateShopAction } from '@/app/(dashboard)/dashboard/shops/actions';
import { Button } from '@/components/ui/button';
import { describedBy, Field, TextInput } from '@/components/ui/field';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import type { ShopResponse } from '@/lib/shops/schemas';
import { focusFirstInvalid } from './focus-first-invalid';

// Keys as the server names them: the body sits under `changes` in the action's input.
const FIELD_IDS = { 'changes.name': 'edit-shop-name', 'changes.website': 'edit-shop-website', 'changes.phone': 'edit-shop-phone' } as const;

/** An emptied optional field clears the value (null), as PATCH /api/shops/{id} takes it. */
const orNull = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** The shop's name, website and support phone (PATCH /api/shops/{id}); the errors come back beside each field. */
export function EditShopForm({ shop }: { shop: Pick<ShopResponse, 'id' | 'name' | 'website' | 'phone'> }) {
  const t = useTranslations('shops');
  const tc = useTranslations('common');
  const { run, pending, fieldError } = useDashboardAction(updateShopAction, { success: t('edit.saved') });

  const errors = {
    name: fieldError('changes.name', t('errors.name')),
    website: fieldError('changes.website', t('errors.website')),
    phone: fieldError('changes.phone', t('errors.phone')),
  };
  const optionalLabel = (label: string) => (
    <>
      {label} <span className="font-normal text-ink-500">({tc('optional')})</span>
    </>
  );

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run({
      id: shop.id,
      changes: { name: String(form.get('name') ?? ''), website: orNull(form.get('website')), phone: orNull(form.get('phone')) },
    });
    if (!result.ok) focusFirstInvalid(FIELD_IDS, result.error.fields);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('edit.title')} className="space-y-4">
      <Field id={FIELD_IDS['changes.name']} label={t('fields.name')} error={errors.name}>
        <TextInput
          {...describedBy(FIELD_IDS['changes.name'], errors.name)}
          name="name"
          defaultValue={shop.name}
          autoComplete="organization"
          maxLength={100}
          required
          invalid={Boolean(errors.name)}
        />
      </Field>
      <Field id={FIELD_IDS['changes.website']} label={optionalLabel(t('fields.website'))} hint={t('fields.websiteHint')} error={errors.website}>
        <TextInput
          {...describedBy(FIELD_IDS['changes.website'], errors.website, true)}
          name="website"
          type="url"
          inputMode="url"
          dir="ltr"
          defaultValue={shop.website ?? ''}
          autoComplete="url"
          placeholder="https://"
          maxLength={500}
          invalid={Boolean(errors.website)}
        />
      </Field>
      <Field id={FIELD_IDS['changes.phone']} label={optionalLabel(t('fields.phone'))} hint={t('fields.phoneHint')} error={errors.phone}>
        <TextInput
          {...describedBy(FIELD_IDS['changes.phone'], errors.phone, true)}
          name="phone"
          type="tel"
          dir="ltr"
          defaultValue={shop.phone ?? ''}
          autoComplete="tel"
          maxLength={32}
          invalid={Boolean(errors.phone)}
        />
      </Field>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc('saving') : tc('save')}
      </Button>
    </form>
  );
}
