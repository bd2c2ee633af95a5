/**
 * Safe HTML → plain text for the importer. Nothing from the page is ever rendered: this only extracts the visible
 * text. Scripts, styles, templates, form controls, embedded objects and hidden elements (`hidden`,
 * `aria-hidden="true"`, `display:none` / `visibility:hidden`) are dropped; paragraphs, headings, list items, table
 * rows and line breaks become paragraph breaks; entities are decoded.
 */
import { parse, NodeType, type HTMLElement, type Node, type TextNode } from "node-html-parser";

const DROPPED = new Set([
  "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math", "iframe", "object", "embed",
  "canvas", "video", "audio", "picture", "img", "select", "textarea", "input", "button", "option", "datalist", "dialog",
]);

const BLOCKS = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre", "figure", "figcaption",
  "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
  "caption", "address", "hr", "body", "html", "form", "fieldset", "legend", "details", "summary",
]);

export interface HtmlToTextResult {
  /** The document's <title> or first <h1>, when there is one. */
  title: string | null;
  /** Paragraphs separated by a blank line. */
  text: string;
}

function isHidden(el: HTMLElement): boolean {
  if (el.hasAttribute("hidden")) return true;
  if ((el.getAttribute("aria-hidden") ?? "").trim().toLowerCase() === "true") return true;
  const style = (el.getAttribute("style") ?? "").toLowerCase().replace(/\s+/g, "");
  if (/(^|;)display:none/.test(style) || /(^|;)visibility:hidden/.test(style)) return true;
  if (el.tagName === "INPUT" && (el.getAttribute("type") ?? "").toLowerCase() === "hidden") return true;
  return false;
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();

export function htmlToText(html: string): HtmlToTextResult {
  // The parser keeps a doctype or an XML declaration as text: drop them, they are never article text.
  const source = html.replace(/<!doctype[^>]*>/gi, "").replace(/<\?xml[^>]*\?>/gi, "");
  const root = parse(source, {
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false, template: false, pre: true },
  });

  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const t = collapse(current);
    if (t) paragraphs.push(t);
    current = "";
  };

  const walk = (node: Node) => {
    if (node.nodeType === NodeType.TEXT_NODE) {
      current += (node as TextNode).text;
      return;
    }
    if (node.nodeType !== NodeType.ELEMENT_NODE) return;
    const el = node as HTMLElement;
    const tag = (el.rawTagName ?? "").toLowerCase();
    if (DROPPED.has(tag) || isHidden(el)) return;
    if (tag === "br") {
      flush();
      return;
    }
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of el.childNodes) walk(child);
    if (block) flush();
  };
  walk(root);
  flush();

  const titleEl = root.querySelector("title");
  const h1 = root.querySelectorAll("h1").find((h) => !isHidden(h));
  const title = collapse(titleEl?.text ?? "") || collapse(h1?.text ?? "") || null;
  return { title, text: paragraphs.join("\n\n") };
}
