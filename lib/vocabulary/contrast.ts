/**
 * WCAG 2.x contrast (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). Highlighted statements are set in the
 * ink colour (#111827) on the verdict's colour; claim-type colours are used for marks and chips against white.
 */

export const INK = "#111827";
export const WHITE = "#ffffff";
/** WCAG AA for normal-size text. */
export const AA_NORMAL_TEXT = 4.5;

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isHexColor(value: string): boolean {
  return HEX.test(value.trim());
}

/** "#abc" or "#aabbcc" (any case) → "#aabbcc". Throws on anything else. */
export function normalizeHex(value: string): string {
  const v = value.trim().toLowerCase();
  if (!HEX.test(v)) throw new Error(`Not a hex colour: "${value}"`);
  return v.length === 4 ? `#${v[1]}${v[1]}${v[2]}${v[2]}${v[3]}${v[3]}` : v;
}

function channel(c8: number): number {
  const c = c8 / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
  const h = normalizeHex(hex);
  const r = parseInt(h.slice(1, 3), 16);
  const g = parseInt(h.slice(3, 5), 16);
  const b = parseInt(h.slice(5, 7), 16);
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** (L1 + 0.05) / (L2 + 0.05), lighter over darker: 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  const [hi, lo] = la >= lb ? [la, lb] : [lb, la];
  return (hi + 0.05) / (lo + 0.05);
}

/** Rounded down to 2 decimals, so a displayed "4.50" never hides a 4.499. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

export type ContrastCheck = { ok: true; ratio: number } | { ok: false; ratio: number; message: string };

/** A verdict (highlight) colour: the ink (#111827) set on it must reach AA for normal text. */
export function checkHighlightColor(color: string): ContrastCheck {
  const ratio = contrastRatio(INK, color);
  if (ratio >= AA_NORMAL_TEXT) return { ok: true, ratio };
  return {
    ok: false,
    ratio,
    message: `Text (${INK}) on ${normalizeHex(color)} has a contrast ratio of ${formatRatio(ratio)}; highlighted text needs at least 4.5:1 (WCAG AA). Choose a lighter colour.`,
  };
}

/** A claim-type colour: a mark or chip against white (or white text on it) must reach AA for normal text. */
export function checkMarkColor(color: string): ContrastCheck {
  const ratio = contrastRatio(WHITE, color);
  if (ratio >= AA_NORMAL_TEXT) return { ok: true, ratio };
  return {
    ok: false,
    ratio,
    message: `${normalizeHex(color)} against white has a contrast ratio of ${formatRatio(ratio)}; claim-type colours need at least 4.5:1 (WCAG AA). Choose a darker colour.`,
  };
}
