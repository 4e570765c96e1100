'use client';

import { useTranslations } from 'next-intl';
import { describedBy, Field, TextInput } from '@/components/ui/field';
import type { ShopResponse } from '@/lib/shops/schemas';

type FieldName = 'name' | 'website' | 'phone';

/**
 * The input ids of a shop form, keyed by the names the server reports field errors under (the edit action nests the
 * body under `changes`), so a failed save can focus the first bad field.
 */
export const shopFieldIds = (idPrefix: string, errorPrefix: '' | 'changes.'): Record<string, string> =>
  Object.fromEntries((['name', 'website', 'phone'] as const).map((name) => [`${errorPrefix}${name}`, `${idPrefix}-${name}`]));

/** Name, website and support phone: the fields of both the create and the edit form. */
export function ShopFields({
  idPrefix,
  errorPrefix,
  fieldError,
  defaults,
}: {
  idPrefix: string;
  errorPrefix: '' | 'changes.';
  fieldError: (name: string, persian?: string) => string | undefined;
  defaults?: Pick<ShopResponse, 'name' | 'website' | 'phone'>;
}) {
  const t = useTranslations('shops');
  const tc = useTranslations('common');
  const id = (name: FieldName) => `${idPrefix}-${name}`;
  const error = (name: FieldName) => fieldError(`${errorPrefix}${name}`, t(`errors.${name}`));
  const errors = { name: error('name'), website: error('website'), phone: error('phone') };
  const optionalLabel = (label: string) => (
    <>
      {label} <span className="font-normal text-ink-500">({tc('optional')})</span>
    </>
  );

  return (
    <>
      <Field id={id('name')} label={t('fields.name')} error={errors.name}>
        <TextInput
          {...describedBy(id('name'), errors.name)}
          name="name"
          defaultValue={defaults?.name}
          autoComplete="organization"
          maxLength={100}
          required
          invalid={Boolean(errors.name)}
        />
      </Field>
      <Field id={id('website')} label={optionalLabel(t('fields.website'))} hint={t('fields.websiteHint')} error={errors.website}>
        <TextInput
          {...describedBy(id('website'), errors.website, true)}
          name="website"
          type="url"
          inputMode="url"
          dir="ltr"
          defaultValue={defaults?.website ?? ''}
          autoComplete="url"
          placeholder="https://"
          maxLength={500}
          invalid={Boolean(errors.website)}
        />
      </Field>
      <Field id={id('phone')} label={optionalLabel(t('fields.phone'))} hint={t('fields.phoneHint')} error={errors.phone}>
        <TextInput
          {...describedBy(id('phone'), errors.phone, true)}
          name="phone"
          type="tel"
          dir="ltr"
          defaultValue={defaults?.phone ?? ''}
          autoComplete="tel"
          maxLength={32}
          invalid={Boolean(errors.phone)}
        />
      </Field>
    </>
  );
}
