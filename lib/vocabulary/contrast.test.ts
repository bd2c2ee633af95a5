import { describe, expect, it } from "vitest";
import { AA_NORMAL_TEXT, checkHighlightColor, checkMarkColor, contrastRatio, formatRatio, INK, normalizeHex, relativeLuminance } from "./contrast";
import { DEFAULT_CLAIM_TYPES, DEFAULT_VERIFICATION_STATUSES } from "./defaults";

describe("WCAG contrast", () => {
  it("computes relative luminance per WCAG 2.x", () => {
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#ffffff")).toBeCloseTo(1, 10);
    expect(relativeLuminance("#808080")).toBeCloseTo(0.2158605, 6);
    expect(relativeLuminance("#f00")).toBeCloseTo(0.2126, 6);
  });

  it("computes contrast ratios (known reference values)", () => {
    expect(contrastRatio("#000", "#fff")).toBeCloseTo(21, 6);
    expect(contrastRatio("#fff", "#fff")).toBe(1);
    expect(contrastRatio("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio(INK, "#ffffff")).toBeCloseTo(17.74, 1);
    // symmetric
    expect(contrastRatio("#123456", "#abcdef")).toBeCloseTo(contrastRatio("#abcdef", "#123456"), 10);
  });

  it("normalises hex colours and rejects anything else", () => {
    expect(normalizeHex(" #ABC ")).toBe("#aabbcc");
    expect(normalizeHex("#A1B2C3")).toBe("#a1b2c3");
    for (const bad of ["abc", "#abcd", "red", "#ggg", "rgb(0,0,0)"]) expect(() => normalizeHex(bad)).toThrow();
  });

  it("accepts every default verdict colour for #111827 text, and refuses dark ones with the ratio", () => {
    for (const s of DEFAULT_VERIFICATION_STATUSES) expect(checkHighlightColor(s.color).ok, s.slug).toBe(true);
    const dark = checkHighlightColor("#1d4ed8");
    expect(dark.ok).toBe(false);
    if (!dark.ok) {
      expect(dark.ratio).toBeLessThan(AA_NORMAL_TEXT);
      expect(dark.message).toContain(formatRatio(dark.ratio));
      expect(dark.message).toContain("4.5:1");
    }
  });

  it("places the AA threshold exactly: #111827 on grey", () => {
    // #111827 on #6b7280 ≈ 3.5 (fails); on #9ca3af ≈ 6.6 (passes)
    expect(checkHighlightColor("#6b7280").ok).toBe(false);
    expect(checkHighlightColor("#9ca3af").ok).toBe(true);
  });

  it("accepts every default claim-type colour against white", () => {
    for (const t of DEFAULT_CLAIM_TYPES) expect(checkMarkColor(t.color).ok, t.slug).toBe(true);
    expect(checkMarkColor("#fde68a").ok).toBe(false);
  });

  it("never rounds a failing ratio up to 4.50", () => {
    expect(formatRatio(4.4999)).toBe("4.49:1");
  });
});
