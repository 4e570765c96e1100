import type { Metadata } from 'next';
import { PagedList } from '@/components/dashboard/paged-list';
import { DevicesPanel } from '@/components/dashboard/sms/devices-panel';
import { InboxFilterTabs } from '@/components/dashboard/sms/inbox-filter-tabs';
import { SmsMessageCard } from '@/components/dashboard/sms/sms-message-card';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader, Panel } from '@/components/ui/panel';
import { currentMerchant } from '@/lib/dashboard/current-merchant';
import { readSearchParams, type SearchParams } from '@/lib/dashboard/search-params';
import { requestLocale } from '@/lib/i18n/request-locale';
import { translator } from '@/lib/i18n/translator';
import { listSmsMessages } from '@/lib/sms/list-sms-messages';
import { listSmsMessagesQuery } from '@/lib/sms/schemas';
import { listSmsDevices } from '@/lib/sms/sms-devices';

const PER_PAGE = 20;
/** The statuses that wait for the merchant, counted on their filter tabs. */
const TO_RESOLVE = ['needs_review', 'unmatched', 'paid_late', 'possible_duplicate'] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: `${translator(await requestLocale(), 'sms')('title')} — KPay` };
}

/** What the inbox reads from its URL: the filter tab and the page. */
const inboxParams = listSmsMessagesQuery.pick({ match_status: true, page: true });

export default async function SmsInboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const merchant = await currentMerchant();
  const locale = await requestLocale();
  const t = translator(locale, 'sms');
  const { principal } = merchant;

  // A hand-edited or stale URL shows the whole inbox rather than an error.
  const { match_status: matchStatus, page } = readSearchParams(await searchParams, inboxParams);
  const countOf = async (status: (typeof TO_RESOLVE)[number]) =>
    [status, (await listSmsMessages(principal, { match_status: status, page: 1, per_page: 1 })).total] as const;

  const [{ devices }, inbox, ...counts] = await Promise.all([
    listSmsDevices(principal),
    listSmsMessages(principal, { match_status: matchStatus, page, per_page: PER_PAGE }),
    ...TO_RESOLVE.map(countOf),
  ]);
  const deviceNames = new Map(devices.map((device) => [device.id, device.name]));
  const listHref = matchStatus ? `/dashboard/sms?match_status=${matchStatus}` : '/dashboard/sms';

  const body = (
    <PagedList
      locale={locale}
      list={{ ...inbox, shown: inbox.messages.length }}
      searchParams={{ match_status: matchStatus, page: String(inbox.page) }}
      pastEnd={{ title: t('inbox.pastEndTitle'), label: t('inbox.firstPage'), href: listHref }}
      noMatch={matchStatus ? { title: t('inbox.emptyFilteredTitle'), body: t('inbox.emptyFilteredBody'), label: t('inbox.showAll'), href: '/dashboard/sms' } : null}
      empty={
        <EmptyState
          title={t('inbox.emptyTitle')}
          body={devices.length > 0 ? t('inbox.emptyBody') : t('inbox.emptyNoDevice')}
          action={
            devices.length > 0 ? null : (
              <a href="#add-device" className={buttonClass('primary')}>
                {t('inbox.addPhone')}
              </a>
            )
          }
        />
      }
    >
      <ul className="space-y-3">
        {inbox.messages.map((message) => (
          <li key={message.id}>
            <SmsMessageCard message={message} deviceName={deviceNames.get(message.device_id)} locale={locale} />
          </li>
        ))}
      </ul>
    </PagedList>
  );

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-5 xl:grid-cols-[minmax(0,1fr)_21rem] xl:items-start">
        <Panel title={t('inbox.title')}>
          <div className="space-y-4">
            <InboxFilterTabs current={matchStatus} toResolve={Object.fromEntries(counts)} locale={locale} />
            {body}
          </div>
        </Panel>
        {/* Without a phone there is nothing to read: on a phone screen, setting one up comes first. */}
        <DevicesPanel devices={devices} locale={locale} className={devices.length === 0 ? 'order-first xl:order-none' : ''} />
      </div>
    </>
  );
}
