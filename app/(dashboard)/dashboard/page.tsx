import { currentMerchant } from '@/lib/dashboard/current-merchant';

export default async function OverviewPage() {
  const merchant = await currentMerchant();
  return <h1 className="text-xl font-bold">{merchant.name}</h1>;
}
