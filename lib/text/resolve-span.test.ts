import { describe, it, expect } from "vitest";
import { findAllOccurrences, resolveKeySpan } from "./resolve-span";

const text = "Alpha beta. The Telegraph said so.\n\nGamma ‘delta’ end. Alpha again.";

describe("findAllOccurrences", () => {
  it("finds every occurrence, including overlapping ones", () => {
    expect(findAllOccurrences("aaa", "aa")).toEqual([0, 1]);
    expect(findAllOccurrences(text, "Alpha")).toEqual([0, text.lastIndexOf("Alpha")]);
    expect(findAllOccurrences(text, "zzz")).toEqual([]);
    expect(findAllOccurrences(text, "")).toEqual([]);
  });
});

describe("resolveKeySpan", () => {
  const resolved = (quote: string) => {
    const r = resolveKeySpan(text, quote);
    return text.slice(r.start, r.end);
  };

  it("resolves a whole quote", () => {
    expect(resolved('"Gamma ‘delta’ end."')).toBe("Gamma ‘delta’ end.");
  });

  it("resolves start … end, emphasis markers and literal \\n\\n", () => {
    expect(resolved('"*The Telegraph* … end."')).toBe("The Telegraph said so.\n\nGamma ‘delta’ end.");
    expect(resolved('"said so.\\n\\nGamma"')).toBe("said so.\n\nGamma");
  });

  it("uses the first occurrence of the last part after the first part", () => {
    expect(resolved('"beta … Alpha"')).toBe(text.slice(text.indexOf("beta"), text.lastIndexOf("Alpha") + 5));
  });

  it("fails loudly", () => {
    expect(() => resolveKeySpan(text, '"Omega"')).toThrow(/not found/);
    expect(() => resolveKeySpan(text, '"Alpha … end."')).toThrow(/ambiguous.*2 times/);
    expect(() => resolveKeySpan(text, '"Gamma … beta"')).toThrow(/does not occur after/);
    expect(() => resolveKeySpan(text, '"…"')).toThrow(/empty/);
  });
});
