/** "Waiting for your payment · …": a pulsing dot, the state in bold and what the buyer does now, above the instructions. */
export function WaitingNote({ title, body }: { title: string; body: string }) {
  return (
    <p className="flex items-start gap-2 text-sm leading-6 text-ink-600">
      <span aria-hidden="true" className="mt-2 size-2 shrink-0 rounded-full bg-brand-500 motion-safe:animate-pulse" />
      <span>
        <strong className="font-semibold text-ink-900">{title}</strong> · {body}
      </span>
    </p>
  );
}
