// Contrast of the custom colour pair, so the options page and overlay can warn below WCAG AA.

/** WCAG 2 contrast ratio (1 to 21) of two #rrggbb colours. */
export function contrastRatio(foreground: string, background: string): number {
  const a = relativeLuminance(foreground);
  const b = relativeLuminance(background);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** WCAG AA for body text: 4.5:1. */
export const WCAG_AA_TEXT = 4.5;

export function meetsContrastAA(colors: { background: string; text: string }): boolean {
  return contrastRatio(colors.text, colors.background) >= WCAG_AA_TEXT;
}

function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex.slice(0, 20)}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
