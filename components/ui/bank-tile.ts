import { textToneOn } from '@/lib/banking/bank-color';

/** The same hue, darker: each sRGB channel times `factor`. */
function shade(hex: string, factor: number): string {
  return `#${[1, 3, 5].map((i) => Math.round(parseInt(hex.slice(i, i + 2), 16) * factor).toString(16).padStart(2, '0')).join('')}`;
}

const SHADE = 0.82;
const FAR_CORNER_SHADE = 0.65;

export interface BankTilePalette {
  /** Dark text (pale yellow and orange banks) or white text. */
  dark: boolean;
  /** The tile's CSS background. */
  background: string;
  /** Text classes for the whole tile, and for its small labels ("Card holder"). */
  text: string;
  label: string;
}

/**
 * A bank card tile painted in the bank's colour with text that keeps 4.5:1 (WCAG AA) everywhere on it. Many banks'
 * colours are mid-tones (teal, green, grey, red) on which neither white nor black text reaches 4.5:1 comfortably,
 * and translucent labels did not at all: white-text tiles are painted a shade darker (towards the far corner darker
 * still), and their labels are full white; pale yellow and orange tiles keep near-black text and lighten towards the
 * far corner instead, so the gradient never works against the text. Checked for every bank's colour, under the
 * tile's decorative circles too.
 */
export function bankTilePalette(color: string): BankTilePalette {
  const base = /^#[0-9a-f]{6}$/i.test(color) ? color : '#0f766e';
  const shaded = shade(base, SHADE);
  if (textToneOn(shaded) === 'dark') {
    return {
      dark: true,
      background: `linear-gradient(135deg, ${base}, color-mix(in srgb, ${base} 85%, white))`,
      text: 'text-ink-950',
      label: 'text-ink-900',
    };
  }
  return {
    dark: false,
    background: `linear-gradient(135deg, ${shaded}, ${shade(base, FAR_CORNER_SHADE)})`,
    text: 'text-white',
    label: 'text-white',
  };
}
