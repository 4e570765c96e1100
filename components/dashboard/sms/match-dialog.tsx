'use client';

import * as AlertDialog from '@radix-ui/react-alert-dialog';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { matchSmsAction, smsMatchCandidatesAction } from '@/lib/dashboard/actions/sms';
import { StatusBadge } from '@/components/dashboard/status-badge';
import { useDashboardAction } from '@/components/dashboard/use-dashboard-action';
import { Button } from '@/components/ui/button';
import { describedBy, Field, TextInput } from '@/components/ui/field';
import { Badge } from '@/components/ui/panel';
import { formatDate } from '@/lib/format/date';
import { formatRials, formatToman } from '@/lib/format/money';
import type { Locale } from '@/lib/format/number';
import type { TransactionResponse } from '@/lib/transactions/schemas';

/**
 * "Match to a transaction" for an unmatched deposit: the merchant picks one of the suggested transactions (awaiting
 * payment or expired, the same amount first) or finds one by authority or factor number, and confirms. A different
 * amount needs an explicit tick, which the server records with the payment.
 */
export function MatchDialog({ smsId, amount, description }: { smsId: string; amount: number | null; description: string }) {
  const t = useTranslations('sms.match');
  const tc = useTranslations('common');
  const locale = useLocale() as Locale;
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [searched, setSearched] = useState(false);
  const [candidates, setCandidates] = useState<TransactionResponse[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const lookup = useDashboardAction(smsMatchCandidatesAction);
  const match = useDashboardAction(matchSmsAction, { success: t('matched'), onSuccess: () => setOpen(false) });

  const load = async (query: string) => {
    setCandidates(null);
    setSelectedId(null);
    setAccepted(false);
    setSearched(query !== '');
    const result = await lookup.run({ sms_id: smsId, search: query || undefined });
    const found = result.ok ? result.data : [];
    setCandidates(found);
    // A search that names exactly one transaction has chosen it; suggestions are never preselected.
    if (query && found.length === 1) setSelectedId(found[0]!.id);
  };

  const chosen = candidates?.find((c) => c.id === selectedId);
  const differs = chosen !== undefined && chosen.final_amount !== amount;
  const searchId = `match-search-${smsId}`;
  const fieldName = `match-candidate-${smsId}`;

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        if (match.pending) return;
        setOpen(next);
        if (next) {
          setSearch('');
          void load('');
        }
      }}
    >
      <AlertDialog.Trigger asChild>
        <Button className="shrink-0">{t('open')}</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-ink-950/40 backdrop-blur-[2px]" />
        <AlertDialog.Content className="fixed inset-x-3 bottom-3 z-50 mx-auto flex max-h-[calc(100dvh-1.5rem)] max-w-lg flex-col rounded-2xl bg-white shadow-xl sm:top-[6vh] sm:bottom-auto sm:max-h-[88vh]">
          <div className="border-b border-ink-100 px-5 pt-5 pb-4">
            <AlertDialog.Title className="text-lg font-bold text-ink-950">{t('title')}</AlertDialog.Title>
            <AlertDialog.Description className="mt-1.5 text-sm leading-6 text-ink-700">{description}</AlertDialog.Description>
          </div>

          <div className="min-h-0 flex-1 space-y-4 overflow-y-auto px-5 py-4">
            <form
              role="search"
              onSubmit={(event) => {
                event.preventDefault();
                void load(search.trim());
              }}
            >
              <Field id={searchId} label={t('search')} hint={t('searchHint')}>
                <div className="flex gap-2">
                  <TextInput
                    {...describedBy(searchId, undefined, true)}
                    dir="ltr"
                    value={search}
                    onChange={(event) => setSearch(event.target.value)}
                    maxLength={100}
                    autoComplete="off"
                    spellCheck={false}
                    className="min-w-0 flex-1"
                  />
                  <Button type="submit" variant="secondary" disabled={lookup.pending}>
                    {t('searchButton')}
                  </Button>
                </div>
              </Field>
              {searched ? (
                <button
                  type="button"
                  onClick={() => {
                    setSearch('');
                    void load('');
                  }}
                  className="mt-1 rounded-lg px-2 py-1 text-sm font-medium text-brand-700 hover:bg-brand-50"
                >
                  {t('clearSearch')}
                </button>
              ) : null}
            </form>

            <fieldset className="space-y-2">
              <legend className="mb-2 text-sm font-medium text-ink-800">{t('candidates')}</legend>
              {candidates === null ? (
                <p role="status" className="py-4 text-center text-sm text-ink-500">
                  {t('loading')}
                </p>
              ) : candidates.length === 0 ? (
                <p role="status" className="rounded-xl bg-ink-50 px-3 py-4 text-center text-sm text-ink-600">
                  {t('noCandidates')}
                </p>
              ) : (
                <ul className="space-y-2">
                  {candidates.map((c) => (
                    <li key={c.id}>
                      <label className="flex cursor-pointer items-start gap-3 rounded-xl border border-ink-200 p-3 has-checked:border-brand-600 has-checked:bg-brand-50/60 hover:bg-ink-50">
                        <input
                          type="radio"
                          name={fieldName}
                          value={c.id}
                          checked={selectedId === c.id}
                          onChange={() => {
                            setSelectedId(c.id);
                            setAccepted(false);
                          }}
                          className="mt-1 size-4 shrink-0 accent-brand-700"
                        />
                        <span className="min-w-0 flex-1 space-y-1">
                          <span className="flex flex-wrap items-center justify-between gap-2">
                            <span className="tabular-nums">
                              <span className="font-semibold text-ink-900">{formatRials(c.final_amount, locale)}</span>{' '}
                              <span className="text-xs text-ink-500">
                                {tc('rial')} · {formatToman(c.final_amount, locale)} {tc('toman')}
                              </span>
                            </span>
                            <span className="flex flex-wrap gap-1">
                              {c.final_amount === amount ? <Badge tone="success">{t('sameAmount')}</Badge> : null}
                              <StatusBadge status={c.status} label={tc(`status.${c.status}`)} />
                            </span>
                          </span>
                          <code dir="ltr" className="block text-xs break-all text-ink-700">
                            {c.authority}
                          </code>
                          <span className="block text-xs text-ink-500">
                            {c.factor_number ? <>{t('factor', { number: c.factor_number })} · </> : null}
                            {t('created', { time: formatDate(c.created_at, locale, 'dateTime') })}
                          </span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              )}
            </fieldset>

            {differs ? (
              <div className="space-y-2 rounded-xl bg-amber-50 p-3 text-sm leading-6 text-amber-900 ring-1 ring-amber-200">
                <p>
                  {amount === null
                    ? t('unreadableAmount')
                    : t('differentAmount', { deposit: formatRials(amount, locale), asked: formatRials(chosen.final_amount, locale) })}
                </p>
                <label className="flex items-start gap-2 font-medium">
                  <input
                    type="checkbox"
                    checked={accepted}
                    onChange={(event) => setAccepted(event.target.checked)}
                    className="mt-1 size-4 shrink-0 accent-brand-700"
                  />
                  {t('acceptDifference')}
                </label>
              </div>
            ) : null}
          </div>

          <div className="flex flex-wrap justify-end gap-2 border-t border-ink-100 px-5 py-4">
            <AlertDialog.Cancel asChild>
              <Button variant="secondary" disabled={match.pending}>
                {tc('cancel')}
              </Button>
            </AlertDialog.Cancel>
            <Button
              disabled={!chosen || (differs && !accepted) || match.pending}
              aria-busy={match.pending}
              onClick={() => {
                if (!chosen) return;
                void match.run({ sms_id: smsId, transaction_id: chosen.id, accept_amount_difference: differs && accepted });
              }}
            >
              {t('confirm')}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
