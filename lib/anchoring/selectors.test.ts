import { describe, expect, it } from "vitest";
import { buildTextPositionSelector, buildTextQuoteSelector } from "./selectors";
import { codePointToUtf16, countCodePoints, utf16ToCodePoint } from "./codepoints";

const TEXT =
  "The Baltic states—Estonia, Lithuania, and Latvia—have taken a significant step. " +
  "According to reports by Interfax, the decision was made official on June 27.";

describe("buildTextQuoteSelector", () => {
  it("quotes the span with up to 32 characters of context either side", () => {
    const start = TEXT.indexOf("According");
    const end = TEXT.length;
    const sel = buildTextQuoteSelector(TEXT, start, end);
    expect(sel.type).toBe("TextQuoteSelector");
    expect(sel.exact).toBe(TEXT.slice(start, end));
    expect(sel.prefix).toBe(TEXT.slice(start - 32, start));
    expect(sel.suffix).toBe("");
    expect(TEXT.includes(sel.prefix + sel.exact + sel.suffix)).toBe(true);
  });

  it("clips context at the text's edges and honours a custom context length", () => {
    const sel = buildTextQuoteSelector(TEXT, 0, 3, 5);
    expect(sel).toEqual({ type: "TextQuoteSelector", exact: "The", prefix: "", suffix: " Balt" });
  });

  it("never cuts a surrogate pair in the prefix or suffix", () => {
    const text = "a😀b" + "QUOTE" + "c😀d";
    const start = text.indexOf("QUOTE");
    const end = start + 5;
    // 2 code points of context: "😀b" and "c😀" — whole emoji, not half.
    const sel = buildTextQuoteSelector(text, start, end, 2);
    expect(sel.prefix).toBe("😀b");
    expect(sel.suffix).toBe("c😀");
    for (const part of [sel.prefix, sel.suffix]) {
      expect(part).toBe(Array.from(part).join("")); // no lone surrogates
      expect(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(part)).toBe(false);
    }
  });

  it("widens offsets that split a surrogate pair instead of producing lone halves", () => {
    const text = "x😀y";
    const sel = buildTextQuoteSelector(text, 2, 4); // starts between the halves of 😀
    expect(sel.exact).toBe("😀y");
  });

  it("rejects ranges outside the text", () => {
    expect(() => buildTextQuoteSelector(TEXT, -1, 2)).toThrow(RangeError);
    expect(() => buildTextQuoteSelector(TEXT, 5, 2)).toThrow(RangeError);
    expect(() => buildTextQuoteSelector(TEXT, 0, TEXT.length + 1)).toThrow(RangeError);
  });
});

describe("buildTextPositionSelector", () => {
  it("equals the UTF-16 offsets when the text has no astral characters", () => {
    const start = TEXT.indexOf("Interfax");
    expect(buildTextPositionSelector(TEXT, start, start + 8)).toEqual({
      type: "TextPositionSelector",
      start,
      end: start + 8,
    });
  });

  it("counts code points, so an emoji before the span counts once", () => {
    const text = "🇪🇪 Estonia 😀 said: ‘flexibility’.";
    const start = text.indexOf("‘flexibility’");
    const end = start + "‘flexibility’".length;
    const sel = buildTextPositionSelector(text, start, end);
    // 🇪🇪 is two code points (four UTF-16 units); 😀 is one code point (two units).
    expect(start - sel.start).toBe(3);
    expect(sel.end - sel.start).toBe(13);
    expect(Array.from(text).slice(sel.start, sel.end).join("")).toBe("‘flexibility’");
  });

  it("counts an emoji inside the span once", () => {
    const text = "ab😀cd";
    expect(buildTextPositionSelector(text, 1, 5)).toEqual({ type: "TextPositionSelector", start: 1, end: 4 });
  });
});

describe("code point helpers", () => {
  it("round-trips offsets", () => {
    const text = "a😀b😀😀c";
    for (let cp = 0; cp <= countCodePoints(text); cp++) {
      expect(utf16ToCodePoint(text, codePointToUtf16(text, cp))).toBe(cp);
    }
    expect(utf16ToCodePoint(text, 2)).toBe(2); // inside the first pair → after it
  });
});
