import Link from 'next/link';
import { Badge } from '@/components/ui/panel';
import { formatDate } from '@/lib/format/date';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import type { ShopResponse } from '@/lib/shops/schemas';

/** One shop in the list: the whole card opens the shop's page (details, key, webhooks). */
export function ShopListItem({ shop, locale }: { shop: ShopResponse; locale: Locale }) {
  const t = translator(locale, 'shops');
  const tc = translator(locale, 'common');
  return (
    <li>
      <article className={`relative rounded-2xl border border-ink-200 bg-white p-4 shadow-xs transition-colors hover:border-brand-300 sm:p-5 ${shop.is_active ? '' : 'bg-ink-50'}`}>
        <div className="flex items-start justify-between gap-3">
          <h3 className="min-w-0 text-base font-semibold text-ink-950">
            {/* The link's box covers the card, so a tap anywhere opens the shop; the name stays the link's text. */}
            <Link href={`/dashboard/shops/${shop.id}`} className="break-words after:absolute after:inset-0 after:rounded-2xl hover:text-brand-800">
              {shop.name}
            </Link>
          </h3>
          <Badge tone={shop.is_active ? 'success' : 'neutral'}>{shop.is_active ? tc('active') : tc('inactive')}</Badge>
        </div>
        {shop.website ? (
          <p className="mt-1 truncate text-sm text-ink-600">
            <bdi dir="ltr">{shop.website.replace(/^https?:\/\//, '')}</bdi>
          </p>
        ) : null}
        <dl className="mt-4 grid grid-cols-2 gap-3 text-sm">
          <div className="min-w-0">
            <dt className="text-xs text-ink-500">{t('apiKey.hint')}</dt>
            <dd className="mt-0.5 truncate text-ink-800">
              <code dir="ltr">{shop.api_key_hint}</code>
            </dd>
          </div>
          <div>
            <dt className="text-xs text-ink-500">{t('details.created')}</dt>
            <dd className="mt-0.5 text-ink-800">
              <time dateTime={shop.created_at}>{formatDate(shop.created_at, locale, 'date')}</time>
            </dd>
          </div>
        </dl>
      </article>
    </li>
  );
}
