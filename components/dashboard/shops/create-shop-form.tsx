'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { createShopAction } from '@/lib/dashboard/actions/shops';
import { Button, buttonClass } from '@/components/ui/button';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import type { shopWithKeyResponse } from '@/lib/shops/schemas';
import { focusFirstInvalid } from './focus-first-invalid';
import { SecretReveal } from './secret-reveal';
import { ShopFields, shopFieldIds } from './shop-fields';

type CreatedShop = z.infer<typeof shopWithKeyResponse>;

const FIELD_IDS = shopFieldIds('shop', '');

/** An empty optional field is left out, not sent as "": the schema's optional means "not given". */
const optional = (value: FormDataEntryValue | null) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/**
 * Creates a shop (POST /api/shops). The answer's API key is shown here once, in place of the form, until the
 * merchant says they have saved it; the form comes back empty for the next shop.
 */
export function CreateShopForm() {
  const t = useTranslations('shops');
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

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const result = await run({ name: String(form.get('name') ?? ''), website: optional(form.get('website')), phone: optional(form.get('phone')) });
    if (!result.ok) focusFirstInvalid(FIELD_IDS, result.error.fields);
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('create.title')} className="space-y-4">
      <ShopFields idPrefix="shop" errorPrefix="" fieldError={fieldError} />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending}>
        {pending ? t('create.submitting') : t('create.submit')}
      </Button>
    </form>
  );
}
