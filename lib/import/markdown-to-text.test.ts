import { describe, expect, it } from "vitest";
import { markdownToText, replaceImages, replaceLinks, stripClosingHashes } from "./markdown-to-text";

describe("markdownToText", () => {
  it("drops heading markers, link and strong syntax and inline HTML, keeping the text and paragraphs", () => {
    const md = "# The *budget* story <img src=x onerror=alert(1)>\n\nThe minister said it would grow by **5 percent**, according to [the ministry](https://example.com).\n\n> \"It is a fantasy,\" said one MP.\n\n![chart](https://example.com/c.png)\n\n[1]: https://example.com/ref";
    expect(markdownToText(md)).toBe('The *budget* story\n\nThe minister said it would grow by 5 percent, according to the ministry.\n\n"It is a fantasy," said one MP.');
  });

  it("removes setext underlines and rules, and leaves plain text alone", () => {
    expect(markdownToText("Title\n=====\n\nBody text.\n\n---\n\nMore.")).toBe("Title\n\nBody text.\n\nMore.");
    expect(markdownToText("A < B and C > D, said the report.")).toBe("A < B and C > D, said the report.");
  });
});

describe("the linear link, image and heading passes", () => {
  // The regular expressions they replace (quadratic on a long line of "[" or spaces), as the reference.
  const reference = {
    hashes: (s: string) => s.replace(/\s+#+\s*$/, ""),
    images: (s: string) => s.replace(/!\[[^\]]*\]\([^)]*\)/g, ""),
    inline: (s: string) => s.replace(/\[([^\]]+)\]\([^)]*\)/g, "$1"),
    refs: (s: string) => s.replace(/\[([^\]]+)\]\[[^\]]*\]/g, "$1"),
  };
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const randomLine = (alphabet: string) => Array.from({ length: Math.floor(rnd() * 24) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");

  it("give exactly what the regular expressions gave, on 5,000 random lines", () => {
    for (let i = 0; i < 5000; i++) {
      const line = randomLine("[]()!a #\t");
      expect(stripClosingHashes(line), JSON.stringify(line)).toBe(reference.hashes(line));
      expect(replaceImages(line), JSON.stringify(line)).toBe(reference.images(line));
      expect(replaceLinks(line, "(", ")"), JSON.stringify(line)).toBe(reference.inline(line));
      expect(replaceLinks(line, "[", "]"), JSON.stringify(line)).toBe(reference.refs(line));
    }
  });

  it("handle typical links, images and headings", () => {
    expect(markdownToText("## Heading ##")).toBe("Heading");
    expect(markdownToText("See ![x](a.png)[the report](https://e.com) and [the annex][2].")).toBe("See the report and the annex.");
    expect(markdownToText("[a [b](c) d")).toBe("a [b d");
  });
});
