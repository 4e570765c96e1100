/** sRGB relative luminance (WCAG 2) of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Card tiles are painted in the bank's colour, which ranges from navy to Sepah's yellow: the text on them is
 * whichever of white or near-black has the higher WCAG contrast ratio against it.
 */
export function textToneOn(hex: string): 'light' | 'dark' {
  const l = luminance(hex);
  return (l + 0.05) / 0.05 > 1.05 / (l + 0.05) ? 'dark' : 'light';
}
