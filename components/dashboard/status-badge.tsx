import { Badge, type BadgeTone } from '@/components/ui/panel';
import type { TransactionStatus } from '@/lib/transactions/transaction-statuses';

const TONE: Record<TransactionStatus, BadgeTone> = {
  pending: 'warning',
  paid: 'success',
  verified: 'brand',
  expired: 'neutral',
  cancelled: 'neutral',
  failed: 'danger',
};

/** A status as a coloured pill with a dot, which sets it apart from the flags beside it. */
export function DotBadge({ tone, label }: { tone: BadgeTone; label: string }) {
  return (
    <Badge tone={tone}>
      <span aria-hidden="true" className="size-1.5 rounded-full bg-current opacity-70" />
      {label}
    </Badge>
  );
}

/** A transaction's status as a coloured pill; the label comes from the caller's translations (common.status). */
export function StatusBadge({ status, label }: { status: TransactionStatus; label: string }) {
  return <DotBadge tone={TONE[status]} label={label} />;
}
