import Link from 'next/link';
import { CopyButton } from '@/components/ui/copy-button';
import type { Locale } from '@/lib/format/number';
import { translator } from '@/lib/i18n/translator';
import { API_KEY_PLACEHOLDER, createTransactionSnippet, sampleCallbackUrl, verifyTransactionSnippet } from '@/lib/shops/integration-snippets';

function Snippet({ id, title, body, code, copyText }: { id: string; title: string; body: string; code: string; copyText: { label: string; copied: string; failed: string } }) {
  return (
    <section aria-labelledby={id} className="space-y-2">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div className="min-w-0">
          <h3 id={id} className="text-sm font-semibold text-ink-900">
            {title}
          </h3>
          <p className="mt-0.5 text-sm text-ink-600">{body}</p>
        </div>
        <CopyButton value={code} text={copyText} className="border border-ink-200 bg-white text-ink-800 hover:bg-ink-50" />
      </div>
      {/* Code reads left to right on the Persian page too, and scrolls inside its box instead of widening the page. */}
      <pre dir="ltr" tabIndex={0} className="overflow-x-auto rounded-xl bg-ink-950 p-4 text-start text-[13px] leading-6 text-ink-50">
        <code>{code}</code>
      </pre>
    </section>
  );
}

/**
 * Ready-to-run requests for this shop: create a transaction (its id, and the merchant's first active card when there
 * is one) and verify it after the buyer returns. The API key stays a placeholder: it is never shown again.
 */
export function IntegrationPanel({
  locale,
  publicUrl,
  shopId,
  website,
  cardId,
}: {
  locale: Locale;
  publicUrl: string;
  shopId: string;
  website: string | null;
  /** The merchant's first active card, if any. */
  cardId?: string;
}) {
  const t = translator(locale, 'shops');
  const tc = translator(locale, 'common');
  const copyText = { label: tc('copy'), copied: tc('copied'), failed: tc('copyFailed') };
  return (
    <div className="space-y-6">
      <p className="text-sm leading-6 text-ink-700">
        {t.rich('integration.intro', {
          key: () => (
            <code dir="ltr" className="rounded-md bg-ink-100 px-1.5 py-0.5 font-mono whitespace-nowrap text-ink-900">
              {API_KEY_PLACEHOLDER}
            </code>
          ),
        })}
      </p>
      {cardId ? null : (
        <p className="rounded-xl bg-amber-50 p-3 text-sm leading-6 text-amber-900 ring-1 ring-amber-200">
          {t.rich('integration.noCard', {
            link: (chunks) => (
              <Link href="/dashboard/cards" className="font-semibold underline underline-offset-2">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      <Snippet
        id="snippet-create"
        title={t('integration.createTitle')}
        body={t('integration.createBody')}
        code={createTransactionSnippet({ publicUrl, shopId, cardId, callbackUrl: sampleCallbackUrl(website) })}
        copyText={copyText}
      />
      <Snippet id="snippet-verify" title={t('integration.verifyTitle')} body={t('integration.verifyBody')} code={verifyTransactionSnippet(publicUrl)} copyText={copyText} />
      <p className="text-sm leading-6 text-ink-600">
        {t.rich('integration.docs', {
          link: (chunks) => (
            <a href="/docs" className="font-semibold text-brand-800 underline underline-offset-2">
              {chunks}
            </a>
          ),
        })}
      </p>
    </div>
  );
}
