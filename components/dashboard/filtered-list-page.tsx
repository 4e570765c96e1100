import type { ReactNode } from 'react';
import { PageHeader, Panel } from '@/components/ui/panel';

/**
 * A dashboard list with filters (transactions, crypto payments): the page's title row, the filter form, and the list in
 * a panel titled with its count. A merchant with nothing listed yet gets what to do, not a form that can only find
 * nothing: the form shows once there is something to filter, or a filter is in the URL (valid or not).
 */
export function FilteredListPage({
  title,
  description,
  actions,
  total,
  narrowed,
  filters,
  count,
  children,
}: {
  title: string;
  description: string;
  /** Beside the title (an export link). */
  actions?: ReactNode;
  /** How many items the list holds across its pages. */
  total: number;
  /** Whether the URL names a filter, valid or not. */
  narrowed: boolean;
  filters: ReactNode;
  /** The panel's title ("12 payments"), shown when the list holds something. */
  count: string;
  /** The page of the list, or what it says when empty (PagedList). */
  children: ReactNode;
}) {
  return (
    <>
      <PageHeader title={title} description={description} actions={actions} />
      {total > 0 || narrowed ? filters : null}
      <Panel title={total > 0 ? count : undefined}>{children}</Panel>
    </>
  );
}
