import { groupCardNumber } from '@/lib/banking/card-number';
import { localizeDigits, type Locale } from '@/lib/format/number';
import { bankTilePalette } from '@/components/ui/bank-tile';
import { CopyButton, type CopyButtonText } from '@/components/ui/copy-button';

/**
 * The destination card, coloured like the bank's cards: bank name, the number in four groups (left to right even
 * on the Persian page, in the page's digits), a copy button for the bare digits, and the owner's name.
 */
export function CardTile({
  cardNumber,
  ownerName,
  bankName,
  bankColor,
  locale,
  text,
}: {
  cardNumber: string;
  ownerName: string;
  bankName: string;
  bankColor: string;
  locale: Locale;
  text: { label: string; number: string; owner: string; copy: CopyButtonText };
}) {
  const palette = bankTilePalette(bankColor);
  const { dark } = palette;
  const groups = groupCardNumber(cardNumber).split(' ');
  return (
    <section
      aria-label={text.label}
      className={`relative overflow-hidden rounded-3xl p-5 shadow-lg shadow-ink-900/15 ${palette.text}`}
      style={{ background: palette.background }}
    >
      <span aria-hidden="true" className={`absolute -top-16 -left-10 size-48 rounded-full ${dark ? 'bg-white/25' : 'bg-white/10'}`} />
      <span aria-hidden="true" className={`absolute -right-12 -bottom-20 size-56 rounded-full ${dark ? 'bg-black/5' : 'bg-black/10'}`} />
      <div className="relative flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className={`text-xs ${palette.label}`}>{text.label}</p>
          <p className="mt-0.5 truncate text-base font-bold">{bankName}</p>
        </div>
        <svg viewBox="0 0 40 30" aria-hidden="true" className="h-7 w-9 shrink-0">
          <rect x="0.5" y="0.5" width="39" height="29" rx="6" className="fill-amber-200 stroke-amber-400" />
          <path d="M0 10h12M0 20h12M28 10h12M28 20h12M12 0v30M28 0v30" className="stroke-amber-500/70" fill="none" />
        </svg>
      </div>
      <p className="relative mt-5">
        <span className="sr-only">{text.number}: </span>
        <span dir="ltr" className="flex justify-between text-[1.65rem] leading-none font-bold tracking-wide tabular-nums">
          {groups.map((group, i) => (
            <span key={i}>{localizeDigits(group, locale)}</span>
          ))}
        </span>
      </p>
      <div className="relative mt-5 flex items-end justify-between gap-3">
        <p className="min-w-0">
          <span className={`block text-xs ${palette.label}`}>{text.owner}</span>
          <bdi className="block truncate font-semibold">{ownerName}</bdi>
        </p>
        <CopyButton
          value={cardNumber}
          text={text.copy}
          className={
            dark
              ? 'bg-black/10 ring-1 ring-black/15 hover:bg-black/15 focus-visible:outline-ink-950'
              : 'bg-white/15 ring-1 ring-white/30 hover:bg-white/25 focus-visible:outline-white'
          }
        />
      </div>
    </section>
  );
}
