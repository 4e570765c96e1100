import type { ReactNode } from 'react';
import { groupSheba } from '@/lib/banking/typed-digits';
import { localizeDigits, type Locale } from '@/lib/format/number';
import { bankTilePalette } from '@/components/ui/bank-tile';

/** The tile's colour before a bank is known (the add form's preview) or for a BIN no longer in the bank table. */
const NO_BANK_COLOR = '#56605f';

/** The number in four groups of four; digits not typed yet show as dots, so the preview keeps the card's shape. */
function numberGroups(digits: string): string[] {
  const padded = digits.padEnd(16, '•');
  return [0, 4, 8, 12].map((start) => padded.slice(start, start + 4));
}

/**
 * A bank card in the house look of the hosted pay page's tile: the bank's colour and name, the number in four groups
 * (left to right on the Persian page too, in the page's digits), the owner's name, and the Sheba when there is one.
 * Used for the saved cards and for the add form's live preview, so both look the same.
 */
export function BankCardFace({
  bankName,
  bankColor,
  digits,
  ownerName,
  locale,
  text,
  sheba,
  corner,
  dimmed = false,
}: {
  bankName: string;
  bankColor: string | undefined;
  /** Up to 16 ASCII digits. */
  digits: string;
  ownerName: ReactNode;
  locale: Locale;
  /** The account's Sheba (IR and 24 digits), when the card has one. */
  sheba?: string | null;
  text: { number: string; owner: string; sheba: string };
  /** Top end corner, e.g. the active/inactive badge. */
  corner?: ReactNode;
  /** An inactive card: greyed, so it reads as out of use at a glance (not faded: its text keeps its contrast). */
  dimmed?: boolean;
}) {
  const palette = bankTilePalette(bankColor ?? NO_BANK_COLOR);
  const { dark } = palette;
  const muted = palette.label;
  return (
    <div
      className={`@container relative overflow-hidden rounded-2xl p-4 shadow-md shadow-ink-900/15 transition-[filter] sm:p-5 ${palette.text} ${dimmed ? 'grayscale' : ''}`}
      style={{ background: palette.background }}
    >
      <span aria-hidden="true" className={`absolute -top-16 -left-10 size-48 rounded-full ${dark ? 'bg-white/25' : 'bg-white/10'}`} />
      <span aria-hidden="true" className={`absolute -right-12 -bottom-20 size-56 rounded-full ${dark ? 'bg-black/5' : 'bg-black/10'}`} />
      <div className="relative flex items-start justify-between gap-3">
        <p className="min-w-0 truncate text-base font-bold">{bankName}</p>
        <div className="flex shrink-0 items-center gap-2">
          {corner}
          <svg viewBox="0 0 40 30" aria-hidden="true" className="h-6 w-8">
            <rect x="0.5" y="0.5" width="39" height="29" rx="6" className="fill-amber-200 stroke-amber-400" />
            <path d="M0 10h12M0 20h12M28 10h12M28 20h12M12 0v30M28 0v30" className="stroke-amber-500/70" fill="none" />
          </svg>
        </div>
      </div>
      <p className="relative mt-5">
        <span className="sr-only">{text.number}: </span>
        {/* Sized by the tile's own width: it sits in a wide phone column and in a narrow desktop grid cell. */}
        <span dir="ltr" className="flex justify-between gap-2 text-lg leading-none font-bold tabular-nums @[19rem]:text-xl @[22rem]:text-[1.4rem] @[22rem]:tracking-wide">
          {numberGroups(digits).map((group, i) => (
            <span key={i}>{localizeDigits(group, locale)}</span>
          ))}
        </span>
      </p>
      <p className="relative mt-5 min-w-0">
        <span className={`block text-xs ${muted}`}>{text.owner}</span>
        <span className="block truncate font-semibold">
          <bdi>{ownerName}</bdi>
        </span>
      </p>
      {sheba ? (
        <p className="relative mt-2 min-w-0">
          <span className={`block text-xs ${muted}`}>{text.sheba}</span>
          <span className="block text-[0.8rem] font-medium whitespace-nowrap tabular-nums @[22rem]:text-sm">
            <bdi dir="ltr">{localizeDigits(groupSheba(sheba), locale)}</bdi>
          </span>
        </p>
      ) : null}
    </div>
  );
}
