'use client';

import { useTranslations } from 'next-intl';
import type { FormEvent } from 'react';
import { updateShopAction } from '@/lib/dashboard/actions/shops';
import { Button } from '@/components/ui/button';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import type { ShopResponse } from '@/lib/shops/schemas';
import { focusFirstInvalid } from './focus-first-invalid';
import { ShopFields, shopFieldIds } from './shop-fields';

const FIELD_IDS = shopFieldIds('edit-shop', 'changes.');

/** An emptied optional field clears the value (null), as PATCH /api/shops/{id} takes it. */
const orNull = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** The shop's name, website and support phone (PATCH /api/shops/{id}); the errors come back beside each field. */
export function EditShopForm({ shop }: { shop: Pick<ShopResponse, 'id' | 'name' | 'website' | 'phone'> }) {
  const t = useTranslations('shops');
  const tc = useTranslations('common');
  const { run, pending, fieldError } = useDashboardAction(updateShopAction, { success: t('edit.saved') });

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
      <ShopFields idPrefix="edit-shop" errorPrefix="changes." fieldError={fieldError} defaults={shop} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? tc('saving') : tc('save')}
      </Button>
    </form>
  );
}
