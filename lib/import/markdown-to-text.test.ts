import { describe, expect, it } from "vitest";
import { markdownToText } from "./markdown-to-text";

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
