import { Fragment } from 'react';
import { CopyButton, type CopyButtonText } from '@/components/ui/copy-button';

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The QR code, drawn on the server (lib/crypto-payments/get-crypto-payment-page.ts) as an SVG string: inlined here with
 * an image role and a name, so a screen reader says what it is instead of skipping it or reading out paths.
 */
export function QrCode({ svg, label }: { svg: string; label: string }) {
  const named = svg.replace('<svg ', `<svg role="img" aria-label="${escapeAttribute(label)}" focusable="false" `);
  return (
    <div
      className="mx-auto w-full max-w-60 overflow-hidden rounded-2xl bg-white ring-1 ring-ink-200 [&>svg]:block [&>svg]:h-auto [&>svg]:w-full"
      dangerouslySetInnerHTML={{ __html: named }}
    />
  );
}

/** Groups of four for the eye; the first and last stand out, the ones people compare after pasting. */
export function AddressGroups({ value }: { value: string }) {
  const groups = value.match(/.{1,4}/g) ?? [value];
  // No spaces between the groups (margins and <wbr> only): selecting the address by hand copies it whole, and a screen
  // reader meets one word. translate="no": a page translator must not touch it.
  return (
    <p dir="ltr" translate="no" className="font-mono text-[1.05rem] leading-8 tracking-wide [overflow-wrap:anywhere]">
      {groups.map((group, i) => (
        <Fragment key={i}>
          {i > 0 && <wbr />}
          <span className={`me-2 last:me-0 ${i === 0 || i === groups.length - 1 ? 'font-bold text-ink-950' : 'text-ink-700'}`}>{group}</span>
        </Fragment>
      ))}
    </p>
  );
}

/**
 * Where to send: the QR code (the wallet URI, or the bare address where no URI standard exists), the address in
 * groups with a copy button, an "open in wallet app" link where the URI has a scheme, and the memo when the network
 * needs one.
 */
export function DepositAddress({
  address,
  memo,
  qrSvg,
  walletHref,
  text,
}: {
  address: string;
  memo: string | null;
  qrSvg: string;
  /** The wallet URI when a wallet app can open it (bitcoin:, litecoin:, ethereum:); null for a bare address. */
  walletHref: string | null;
  text: {
    label: string;
    copy: CopyButtonText;
    check: string;
    openWallet: string;
    qrLabel: string;
    qrHint: string;
    memo: { label: string; copy: CopyButtonText; warning: string };
  };
}) {
  return (
    <section aria-labelledby="crypto-address-label" className="rounded-3xl bg-white p-5 shadow-sm ring-1 ring-ink-200">
      <h2 id="crypto-address-label" className="text-lg font-bold text-ink-950">
        {text.label}
      </h2>
      <figure className="mt-4">
        <QrCode svg={qrSvg} label={text.qrLabel} />
        <figcaption className="mt-2 text-center text-sm text-ink-600">{text.qrHint}</figcaption>
      </figure>
      <div className="mt-4 rounded-2xl bg-ink-50 px-4 py-3 text-center ring-1 ring-ink-200">
        <AddressGroups value={address} />
      </div>
      <CopyButton value={address} text={text.copy} className="mt-3 w-full bg-brand-700 text-white shadow-sm hover:bg-brand-800" />
      <p className="mt-2 text-xs leading-5 text-ink-600">{text.check}</p>
      {walletHref && (
        <a
          href={walletHref}
          className="mt-3 flex min-h-11 items-center justify-center gap-2 rounded-xl border border-ink-200 bg-white px-4 text-sm font-semibold text-ink-800 shadow-xs hover:bg-ink-50"
        >
          <svg viewBox="0 0 20 20" aria-hidden="true" className="size-4.5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
            <rect x="3" y="5" width="14" height="11" rx="2" />
            <path d="M3 8.5h14M12.5 12h2" />
          </svg>
          {text.openWallet}
        </a>
      )}
      {memo && (
        <div className="mt-5 border-t border-ink-200 pt-4">
          <h3 className="text-sm font-semibold text-ink-800">{text.memo.label}</h3>
          <p dir="ltr" translate="no" className="mt-1 font-mono text-lg font-bold break-all text-ink-950">
            {memo}
          </p>
          <p className="mt-1 text-sm font-medium text-amber-800">{text.memo.warning}</p>
          <CopyButton value={memo} text={text.memo.copy} className="mt-2 w-full bg-brand-50 text-brand-800 ring-1 ring-brand-200 hover:bg-brand-100" />
        </div>
      )}
    </section>
  );
}
