import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, Panel } from '@/components/ui/panel';

/**
 * A detail page whose id is malformed or another merchant's: said plainly, inside the dashboard, with the way back to
 * the list. Its title is the page's heading (level 1).
 */
export function DetailNotFound({ title, body, back }: { title: string; body: string; back: { href: string; label: string } }) {
  return (
    <Panel>
      <EmptyState
        title={<span role="heading" aria-level={1}>{title}</span>}
        body={body}
        action={
          <Link href={back.href} className={buttonClass('secondary')}>
            {back.label}
          </Link>
        }
      />
    </Panel>
  );
}
