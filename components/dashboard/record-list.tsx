import Link from 'next/link';
import type { ReactNode } from 'react';
import { Table, Td, Th } from '@/components/ui/table';

/** One column of the table: its header, its cells' extra classes and what a cell shows. */
export interface RecordColumn<T> {
  header: string;
  className?: string;
  cell: (record: T) => ReactNode;
}

const HIGHLIGHT = 'relative hover:bg-ink-50 has-[a:focus-visible]:bg-brand-50/60';

/**
 * Records of one page (transactions, crypto payments): a table from `sm` up, a card list on phones. Each row and card
 * holds one RecordLink, stretched over it, and lights up when hovered or when that link has the keyboard focus.
 */
export function RecordList<T>({
  caption,
  records,
  keyOf,
  attributes,
  columns,
  card,
}: {
  caption: string;
  records: T[];
  keyOf: (record: T) => string;
  /** Data attributes of a record's row and card (tests find them by these). */
  attributes?: (record: T) => Record<`data-${string}`, string>;
  columns: RecordColumn<T>[];
  /** A record's card on phones. */
  card: (record: T) => ReactNode;
}) {
  return (
    <>
      <div className="hidden sm:block">
        <Table caption={caption}>
          <thead>
            <tr>
              {columns.map((column) => (
                <Th key={column.header}>{column.header}</Th>
              ))}
            </tr>
          </thead>
          <tbody>
            {records.map((record) => (
              <tr key={keyOf(record)} className={HIGHLIGHT} {...attributes?.(record)}>
                {columns.map((column) => (
                  <Td key={column.header} className={column.className}>
                    {column.cell(record)}
                  </Td>
                ))}
              </tr>
            ))}
          </tbody>
        </Table>
      </div>

      <ul className="-mx-1 space-y-2.5 sm:hidden">
        {records.map((record) => (
          <li key={keyOf(record)} className={`${HIGHLIGHT} rounded-xl border border-ink-200 p-3.5`} {...attributes?.(record)}>
            {card(record)}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The link to a record's page, stretched over its row or card, named "Open <what> <name>" (the verb for screen
 * readers only).
 */
export function RecordLink({ href, open, className, dir, children }: { href: string; open: string; className: string; dir?: 'ltr'; children: ReactNode }) {
  return (
    <Link href={href} className={`rounded font-medium text-brand-800 after:absolute after:inset-0 hover:underline ${className}`} dir={dir}>
      <span className="sr-only">{open} </span>
      {children}
    </Link>
  );
}
