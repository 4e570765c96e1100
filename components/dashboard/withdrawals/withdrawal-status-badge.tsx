import { DotBadge } from '@/components/dashboard/status-badge';
import type { BadgeTone } from '@/components/ui/panel';
import type { WithdrawalStatus } from '@/lib/withdrawals/withdrawal-statuses';

const TONE: Record<WithdrawalStatus, BadgeTone> = {
  pending: 'warning',
  approved: 'info',
  signed: 'info',
  broadcast: 'info',
  completed: 'success',
  failed: 'danger',
  cancelled: 'neutral',
};

/** A withdrawal's status as a coloured pill: waiting on the merchant (amber), on its way (blue), done, failed, cancelled. */
export function WithdrawalStatusBadge({ status, label }: { status: WithdrawalStatus; label: string }) {
  return <DotBadge tone={TONE[status]} label={label} />;
}
