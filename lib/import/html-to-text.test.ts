import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text";
import { ImportRefusedError, MAX_HTML_DEPTH } from "./limits";

describe("htmlToText", () => {
  it("keeps paragraphs, headings and list items as paragraphs", () => {
    const r = htmlToText("<html><body><h1>Head line</h1><p>First <b>para</b>graph.</p><ul><li>One</li><li>Two</li></ul><div>Three<br>Four</div></body></html>");
    expect(r.text).toBe("Head line\n\nFirst paragraph.\n\nOne\n\nTwo\n\nThree\n\nFour");
    expect(r.title).toBe("Head line");
  });

  it("drops scripts, styles, noscript, templates and hidden elements", () => {
    const html = `<head><title>T</title><style>p{color:red}</style></head><body>
      <script>alert("x")</script><noscript>Enable JS</noscript><template><p>tpl</p></template>
      <p hidden>hidden attr</p><p aria-hidden="true">aria hidden</p><p style="display: none">display none</p>
      <div style="color:red;visibility:hidden">invisible</div><input type="hidden" value="secret">
      <p>Visible text.</p></body>`;
    const r = htmlToText(html);
    expect(r.text).toBe("Visible text.");
    expect(r.title).toBe("T");
  });

  it("decodes entities and collapses whitespace", () => {
    const r = htmlToText("<p>Fish &amp; chips&nbsp;&mdash; &#8220;quoted&#8221;\n   and   &lt;b&gt;</p>");
    expect(r.text).toBe("Fish & chips — “quoted” and <b>");
  });

  it("never returns markup from the input", () => {
    const r = htmlToText('<p onclick="evil()">Hi <img src=x onerror=alert(1)><a href="javascript:alert(1)">link</a></p>');
    expect(r.text).toBe("Hi link");
  });

  it("drops a doctype and an XML declaration (never article text)", () => {
    const r = htmlToText('<?xml version="1.0"?>\n<!DOCTYPE html><html><head><title>T</title></head><body><p>Only this.</p></body></html>');
    expect(r.text).toBe("Only this.");
  });

  it("handles empty and text-only input", () => {
    expect(htmlToText("").text).toBe("");
    expect(htmlToText("just text").text).toBe("just text");
  });

  it("hides an unclosed hidden element up to where a browser would end it", () => {
    expect(htmlToText("<p>a</p><div hidden>secret<p>also secret").text).toBe("a");
    expect(htmlToText("<p hidden>secret<p>shown").text).toBe("shown");
    expect(htmlToText("<ul><li hidden>secret<li>shown</ul>after").text).toBe("shown\n\nafter");
    expect(htmlToText("<table><tr><td hidden>secret<td>shown</table>").text).toBe("shown");
    expect(htmlToText("<section hidden><div>secret</section>shown").text).toBe("shown");
    expect(htmlToText("<div hidden/>secret</div>shown").text).toBe("shown");
    expect(htmlToText("a<span hidden>b<br>c</span>d").text).toBe("ad");
  });

  it("ends <head> where the body starts, even without </head>", () => {
    const r = htmlToText("<html><head><title>T &amp; U</title><meta charset=utf-8><p>Body text.");
    expect(r).toEqual({ title: "T & U", text: "Body text." });
  });

  it("reads script and style as raw text, and markup inside <pre> as markup", () => {
    expect(htmlToText('<p>a</p><script>document.write("</div><p>x</p>")</script><style>p>b{}</style><p>b</p>').text).toBe("a\n\nb");
    expect(htmlToText("<pre><script>alert(1)</script><b>code</b></pre>").text).toBe("code");
    expect(htmlToText('<p title="a>b" data-x=\'<p>\'>x</p><!-- <p>comment</p> -->').text).toBe("x");
  });

  it("closes self-closing SVG elements, so a large inline SVG does not count as deep nesting", () => {
    const svg = `<svg>${'<path d="M0 0"/>'.repeat(MAX_HTML_DEPTH * 2)}</svg>`;
    expect(htmlToText(`<p>Before.</p>${svg}<p>After.</p>`).text).toBe("Before.\n\nAfter.");
  });

  it("takes the first visible <h1> as the title when there is no <title>", () => {
    expect(htmlToText('<h1 hidden>No</h1><div aria-hidden="true"><h1>No</h1></div><h1>Yes <b>this</b></h1><h1>Not this</h1>').title).toBe("Yes this");
    expect(htmlToText("<h1>Never closed &amp; last").title).toBe("Never closed & last");
  });

  it(`refuses HTML nested more than ${MAX_HTML_DEPTH} elements deep, and accepts it up to that`, () => {
    expect(htmlToText("<div>".repeat(MAX_HTML_DEPTH) + "Deep.").text).toBe("Deep.");
    expect(() => htmlToText("<div>".repeat(MAX_HTML_DEPTH + 1) + "Deep.")).toThrow(ImportRefusedError);
    expect(() => htmlToText("<div>".repeat(20_000))).toThrow(/nests more than 1,000 elements deep/);
  });

  it("ignores unclosed inline elements: 40,000 <b> cost nothing", () => {
    expect(htmlToText("<p>" + "<b>".repeat(40_000) + "Text.</p><p>More.").text).toBe("Text.\n\nMore.");
  });

  it("closes rows and cells that were never closed, so a long table is not deep", () => {
    expect(htmlToText("<table><tr><td hidden>secret<tr><td>shown<tbody><tr><th>head</table>").text).toBe("shown\n\nhead");
    const rows = "<table>" + "<tr><td>cell<td>cell".repeat(MAX_HTML_DEPTH * 2) + "</table>";
    expect(htmlToText(rows).text.split("\n\n")).toHaveLength(MAX_HTML_DEPTH * 4);
  });

  it("keeps a < that starts no tag as text", () => {
    expect(htmlToText("<p>1 < 2 and 3 <= 4, a<</p>").text).toBe("1 < 2 and 3 <= 4, a<");
  });

  it("drops a tag cut off by the end of the input", () => {
    expect(htmlToText('<p>Text.</p><a href="x').text).toBe("Text.");
  });
});
