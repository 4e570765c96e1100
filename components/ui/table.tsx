import type { ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react';

/**
 * A data table that scrolls sideways inside its box on phones instead of stretching the page. Pages that must read
 * well at phone width show a card list below `sm` and this table above it.
 */
export function Table({ caption, children }: { caption?: string; children: ReactNode }) {
  return (
    <div className="-mx-4 overflow-x-auto sm:mx-0">
      <table className="w-full min-w-[36rem] border-collapse text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function Th({ className = '', ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return <th scope="col" className={`border-b border-ink-200 px-3 py-2.5 text-start text-xs font-semibold whitespace-nowrap text-ink-500 ${className}`} {...props} />;
}

export function Td({ className = '', ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={`border-b border-ink-100 px-3 py-3 align-middle ${className}`} {...props} />;
}
