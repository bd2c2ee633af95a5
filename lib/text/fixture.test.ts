import fs from "node:fs";
import path from "node:path";
import { describe, it, expect } from "vitest";
import { normalizeArticleText } from "./normalize";
import { resolveKeySpan } from "./resolve-span";

const demo = (file: string) => fs.readFileSync(path.resolve(__dirname, "../../prisma/demo", file), "utf8");

const TITLE = "Baltic States Withdraw from Ottawa Convention in Major Defense Policy Shift – June 27 Update";

/** Column 2 of the key table rows "| 1 |" … "| 18 |", by row number. */
function keyQuotes(markdown: string): Map<number, string> {
  const quotes = new Map<number, string>();
  for (const line of markdown.split("\n")) {
    const m = /^\| (\d+) \|/.exec(line);
    if (m) quotes.set(Number(m[1]), line.split("|")[2].trim());
  }
  return quotes;
}

describe("demo article fixture", () => {
  const article = normalizeArticleText(demo("baltic-ottawa-withdrawal.txt"));
  const quotes = keyQuotes(demo("baltic-ottawa-withdrawal.annotations.md"));

  it("has the title from the first line, not repeated in the body", () => {
    expect(article.title).toBe(TITLE);
    expect(article.text.startsWith(TITLE)).toBe(false);
    expect(article.text.includes(TITLE)).toBe(false);
    expect(article.text.startsWith("The Baltic states—Estonia")).toBe(true);
  });

  it("keeps *The Telegraph* as emphasis and removes the asterisks", () => {
    expect(article.emphasis.map((r) => article.text.slice(r.start, r.end))).toEqual(["The Telegraph"]);
    expect(article.text).not.toContain("*");
  });

  it("has paragraph breaks only as single \\n\\n", () => {
    expect(article.text).not.toMatch(/\n{3,}|[^\n]\n[^\n]|[ \t]\n/);
    expect(article.text.startsWith("\n")).toBe(false);
  });

  it("resolves all 18 key quotes to one place each, without overlaps", () => {
    expect([...quotes.keys()]).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
    const spans = [...quotes].map(([n, quote]) => ({ n, ...resolveKeySpan(article.text, quote) }));
    const sorted = [...spans].sort((a, b) => a.start - b.start);
    for (let i = 1; i < sorted.length; i++) {
      expect(sorted[i].start, `#${sorted[i].n} overlaps #${sorted[i - 1].n}`).toBeGreaterThanOrEqual(sorted[i - 1].end);
    }
    const spanText = (n: number) => {
      const s = spans.find((x) => x.n === n)!;
      return article.text.slice(s.start, s.end);
    };
    expect(spanText(9)).toContain("The Telegraph");
    expect(spanText(17)).toContain("\n\n");
    expect(spanText(17).startsWith("‘Landmines are a relic")).toBe(true);
    expect(spanText(17).endsWith("backfire on them.’")).toBe(true);
    expect(spans.filter((s) => s.n !== 17).every((s) => !spanText(s.n).includes("\n"))).toBe(true);
  });
});
