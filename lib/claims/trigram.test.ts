import { describe, expect, it } from "vitest";
import { trigramSimilarity, trigrams } from "./trigram";

// Expected values are what PostgreSQL 15 with pg_trgm returns for the same inputs (documented examples and
// hand-computed from the algorithm: lowercase, alphanumeric words, "  word " padding, shared / union).
describe("pg_trgm trigrams", () => {
  it("pads each word with two spaces in front and one behind (show_trgm('cat'))", () => {
    expect([...trigrams("cat")].sort()).toEqual(["  c", " ca", "at ", "cat"]);
  });

  it("lowercases, splits on non-alphanumerics and removes duplicates (show_trgm('Foo, foo-BAR'))", () => {
    expect([...trigrams("Foo, foo-BAR")].sort()).toEqual(["  b", "  f", " ba", " fo", "ar ", "bar", "foo", "oo "]);
  });

  it("gives a one-letter word two trigrams and keeps digits and non-ASCII letters", () => {
    expect([...trigrams("a")].sort()).toEqual(["  a", " a "]);
    expect(trigrams("€12").has(" 12")).toBe(true);
    expect(trigrams("Kęstutis").has(" kę")).toBe(true);
  });

  it("computes similarity as shared / union (similarity('word', 'two words') = 4/11 ≈ 0.363636)", () => {
    expect(trigramSimilarity("word", "two words")).toBeCloseTo(4 / 11, 6);
    expect(trigramSimilarity("cat", "cat")).toBe(1);
    expect(trigramSimilarity("cat", "dog")).toBe(0);
    expect(trigramSimilarity("", "cat")).toBe(0);
    expect(trigramSimilarity("!!!", "???")).toBe(0);
  });

  it("is symmetric and ignores word order", () => {
    expect(trigramSimilarity("mines in forests", "forests in mines")).toBe(1);
    expect(trigramSimilarity("Interfax reported", "reported by Interfax")).toBe(trigramSimilarity("reported by Interfax", "Interfax reported"));
  });
});
