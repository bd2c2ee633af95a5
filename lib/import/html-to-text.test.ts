import { describe, expect, it } from "vitest";
import { htmlToText } from "./html-to-text";

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
});
