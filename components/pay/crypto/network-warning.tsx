import { WarningIcon } from '../warning-icon';

/**
 * "Send only USDT on TRON (TRC-20)": the one mistake a buyer cannot undo, said before the address. On a test chain
 * it also says that no real money belongs here.
 */
export function NetworkWarning({ title, body, testChain }: { title: string; body: string; testChain: string | null }) {
  return (
    <div role="note" className="rounded-2xl bg-amber-50 p-4 text-amber-950 ring-1 ring-amber-300">
      <p className="flex items-start gap-2 font-bold leading-7">
        <WarningIcon className="mt-1 size-5 shrink-0 text-amber-700" />
        <span>{title}</span>
      </p>
      <p className="mt-1 ps-7 text-sm leading-6">{body}</p>
      {testChain && (
        <p className="mt-3 ms-7 inline-block rounded-lg bg-white/70 px-2.5 py-1 text-xs font-semibold text-amber-900 ring-1 ring-amber-300">{testChain}</p>
      )}
    </div>
  );
}
