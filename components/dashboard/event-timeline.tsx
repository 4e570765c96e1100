import type { ReactNode } from 'react';
import { Timestamp } from '@/components/dashboard/transactions/timestamp';
import { Panel } from '@/components/ui/panel';
import type { Locale } from '@/lib/format/number';

/** What the timeline reads of an event row. */
export interface TimelineEvent {
  type: string;
  actor: string;
  created_at: string;
}

/** The keys the timeline reads from its page's messages: the same shape in every area that has one. */
export type TimelineKey<T extends string, A extends string> =
  | 'timeline.title'
  | 'timeline.order'
  | 'timeline.by'
  | `timeline.events.${T}`
  | `timeline.actors.${A}`;

const isOneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * Every state change of a payment, oldest first, in a panel: it reads as the story up to the current state. Each event
 * has its name, a coloured dot, who did it and when; a type or actor the page does not know is shown as stored.
 */
export function EventTimeline<E extends TimelineEvent, T extends string, A extends string>({
  events,
  locale,
  types,
  actors,
  dots,
  t,
  detail,
}: {
  events: E[];
  locale: Locale;
  /** The event types the page names (timeline.events.<type>). */
  types: readonly T[];
  /** The actors the page names (timeline.actors.<actor>). */
  actors: readonly A[];
  /** The dot's colour per type; grey for the others. */
  dots: Partial<Record<T, string>>;
  /** The page's translator (its area's `timeline` messages). */
  t: (key: TimelineKey<T, A>, values?: { actor: string }) => string;
  /** More about one event, under its name (a buyer's claim). */
  detail?: (event: E) => ReactNode;
}) {
  return (
    <Panel title={t('timeline.title')} actions={<span className="text-xs text-ink-500">{t('timeline.order')}</span>}>
      <ol>
        {events.map((event, index) => {
          const known = isOneOf(types, event.type) ? event.type : undefined;
          const actor = isOneOf(actors, event.actor) ? t(`timeline.actors.${event.actor}`) : event.actor;
          const last = index === events.length - 1;
          return (
            <li key={`${event.created_at}-${index}`} className="relative flex gap-3 pb-5 last:pb-0">
              {last ? null : <span aria-hidden="true" className="absolute start-[0.4375rem] top-4 bottom-0 w-px bg-ink-200" />}
              <span aria-hidden="true" className={`relative mt-1 size-3.5 shrink-0 rounded-full ring-4 ring-white ${(known && dots[known]) ?? 'bg-ink-400'}`} />
              <div className="min-w-0">
                <p className="text-sm font-semibold text-ink-900">{known ? t(`timeline.events.${known}`) : event.type}</p>
                {detail?.(event)}
                <p className="mt-0.5 text-xs text-ink-500">
                  {t('timeline.by', { actor })} · <Timestamp value={event.created_at} locale={locale} />
                </p>
              </div>
            </li>
          );
        })}
      </ol>
    </Panel>
  );
}
