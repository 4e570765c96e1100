/** Persian (U+06F0-06F9) and Arabic-Indic (U+0660-0669) digits to ASCII; everything else unchanged. */
export function toAsciiDigits(input: string): string {
  return input.replace(/[\u06F0-\u06F9\u0660-\u0669]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
