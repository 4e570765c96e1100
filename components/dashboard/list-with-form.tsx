import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader, Panel } from '@/components/ui/panel';

export interface ListWithFormProps {
  title: string;
  description: string;
  /** The header's "add" link, shown once the list has items (the empty state has its own). */
  addLabel: string;
  /** The id of the form's first input: the add links scroll there and put the caret in it. */
  formAnchor: string;
  listTitle: string;
  isEmpty: boolean;
  empty: { title: string; body: string; action: string; icon: ReactNode };
  formTitle: string;
  form: ReactNode;
  /** The list itself (rendered when not empty). */
  children: ReactNode;
}

/** A page of things the merchant adds (shops, cards): the list, and the add form beside it (below it on phones). */
export function ListWithForm({ title, description, addLabel, formAnchor, listTitle, isEmpty, empty, formTitle, form, children }: ListWithFormProps) {
  const toForm = (label: string) => (
    <a href={`#${formAnchor}`} className={buttonClass('primary')}>
      {label}
    </a>
  );
  return (
    <>
      <PageHeader title={title} description={description} actions={isEmpty ? undefined : toForm(addLabel)} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] lg:items-start">
        <section aria-labelledby={`${formAnchor}-list-title`}>
          {/* Named by a heading, so the items' own headings (h3) follow an h2 as the page's outline expects. */}
          <h2 id={`${formAnchor}-list-title`} className="sr-only">
            {listTitle}
          </h2>
          {isEmpty ? (
            <Panel>
              <EmptyState title={empty.title} body={empty.body} action={toForm(empty.action)} icon={empty.icon} />
            </Panel>
          ) : (
            children
          )}
        </section>
        <Panel title={formTitle} className="lg:sticky lg:top-20">
          {form}
        </Panel>
      </div>
    </>
  );
}

/** A 24-px line icon for an empty state. */
export const emptyIcon = (path: string) => (
  <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
    <path d={path} />
  </svg>
);
