import Link from 'next/link';
import type { ReactNode } from 'react';
import { Button, buttonClass } from '@/components/ui/button';
import { describedBy, Field, Select, TextInput } from '@/components/ui/field';
import type { Locale } from '@/lib/format/number';

/** What a list page hands its filters: the merchant's shops, the valid filters as read, and the invalid ones. */
export interface ListFiltersProps<P, I> {
  locale: Locale;
  shops: { id: string; name: string }[];
  params: P;
  invalid: I;
}

/** The keys the filter form reads from its page's messages: the same shape in every area that has one. */
export type FilterFormKey<F extends string> = 'filters.heading' | 'filters.invalid' | 'filters.apply' | 'filters.clear' | `filters.fieldNames.${F}`;

/**
 * A list's filters as a plain GET form: the URL holds them (bookmarkable, shareable, works without JavaScript) and
 * applying them starts again at page 1. Fields given in the URL but not valid are named in a notice above the form.
 */
export function FilterForm<F extends string>({
  id,
  action,
  locale,
  t,
  invalid,
  children,
}: {
  /** Names the section: its heading is `<id>-heading`. */
  id: string;
  /** The list page's path: the form's target and the "clear" link. */
  action: string;
  locale: Locale;
  /** The page's translator (its area's `filters` messages). */
  t: (key: FilterFormKey<F>, values?: { fields: string }) => string;
  /** The fields given in the URL but not valid. */
  invalid: F[];
  /** The fields, in a grid of two columns (four from `lg`). */
  children: ReactNode;
}) {
  const headingId = `${id}-heading`;
  const fieldNames = invalid.map((field) => t(`filters.fieldNames.${field}`)).join(locale === 'fa' ? '، ' : ', ');
  return (
    <section aria-labelledby={headingId} className="mb-4 rounded-2xl border border-ink-200 bg-white p-4 shadow-xs sm:p-5">
      <h2 id={headingId} className="sr-only">
        {t('filters.heading')}
      </h2>
      {invalid.length > 0 ? (
        <p role="status" className="mb-4 rounded-xl bg-amber-50 px-3.5 py-2.5 text-sm text-amber-900 ring-1 ring-amber-200 ring-inset">
          {t('filters.invalid', { fields: fieldNames })}
        </p>
      ) : null}
      <form method="get" action={action} role="search" aria-labelledby={headingId} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {children}
        <div className="col-span-2 flex items-start gap-2 lg:pt-7">
          <Button type="submit" className="flex-1 sm:flex-none">
            {t('filters.apply')}
          </Button>
          <Link href={action} className={buttonClass('ghost')}>
            {t('filters.clear')}
          </Link>
        </div>
      </form>
    </section>
  );
}

/** The free-text filter, two columns wide, with its hint. */
export function FilterSearch({
  id,
  name,
  label,
  hint,
  value,
  dir,
}: {
  id: string;
  name: string;
  label: string;
  hint: string;
  value: string | undefined;
  /** "auto" where what is searched may be written in either direction (a shop's order id). */
  dir?: 'auto';
}) {
  return (
    <div className="col-span-2">
      <Field id={id} label={label} hint={hint}>
        <TextInput type="search" name={name} dir={dir} defaultValue={value} maxLength={100} autoComplete="off" spellCheck={false} {...describedBy(id, undefined, true)} />
      </Field>
    </div>
  );
}

/** A filter picked from a list, "all" first (the empty value: no filter). */
export function FilterSelect({
  id,
  name,
  label,
  value,
  all,
  options,
  span,
}: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  all: string;
  options: { value: string; label: string }[];
  /** Grid columns the field takes, where not one (`col-span-2`); the field then sits in a box that spans them. */
  span?: string;
}) {
  const field = (
    <Field id={id} label={label}>
      <Select id={id} name={name} defaultValue={value ?? ''}>
        <option value="">{all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </Select>
    </Field>
  );
  return span ? <div className={span}>{field}</div> : field;
}

/** The shop filter: every shop of the merchant, by name. */
export function ShopFilter({ shops, value, label, all, span }: { shops: { id: string; name: string }[]; value: string | undefined; label: string; all: string; span?: string }) {
  return <FilterSelect id="filter-shop" name="shop_id" span={span} label={label} value={value} all={all} options={shops.map((shop) => ({ value: shop.id, label: shop.name }))} />;
}

/** The status filter: the list's statuses, each by its name. */
export function StatusFilter<S extends string>({
  statuses,
  nameOf,
  value,
  label,
  all,
  span,
}: {
  statuses: readonly S[];
  nameOf: (status: S) => string;
  value: string | undefined;
  label: string;
  all: string;
  span?: string;
}) {
  return <FilterSelect id="filter-status" name="status" span={span} label={label} value={value} all={all} options={statuses.map((status) => ({ value: status, label: nameOf(status) }))} />;
}
