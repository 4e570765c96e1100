import type { ReactNode } from 'react';
import { BackLink } from '@/components/ui/back-link';

/**
 * The top of a payment's detail page: the way back to the list, the title, the status and the shop's name, and the
 * page's actions beside them where it has any.
 */
export function DetailHeader({
  back,
  title,
  status,
  shopName,
  actions,
}: {
  back: { href: string; label: string };
  title: string;
  status: ReactNode;
  shopName: string;
  actions?: ReactNode;
}) {
  const heading = (className: string) => (
    <div className={className}>
      <h1 className="text-xl font-bold break-words text-ink-950 sm:text-2xl">{title}</h1>
      <div className="mt-1.5 flex flex-wrap items-center gap-2 text-sm text-ink-600">
        {status}
        <bdi>{shopName}</bdi>
      </div>
    </div>
  );
  return (
    <>
      <BackLink href={back.href} label={back.label} />
      {actions ? (
        <div className="mb-5 flex flex-wrap items-start justify-between gap-3">
          {heading('min-w-0')}
          {actions}
        </div>
      ) : (
        heading('mb-5 min-w-0')
      )}
    </>
  );
}
