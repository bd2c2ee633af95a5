/**
 * Safe HTML → plain text for the importer. Nothing from the page is ever rendered: this only extracts the visible
 * text. Scripts, styles, templates, form controls, embedded objects and hidden elements (`hidden`,
 * `aria-hidden="true"`, `display:none` / `visibility:hidden`) are dropped; paragraphs, headings, list items, table
 * rows and line breaks become paragraph breaks; entities are decoded.
 *
 * It is a single forward scan (a simplified HTML tokenizer, no DOM), so its time is linear in the input. Only
 * elements that matter to the text are kept on the stack of open elements: blocks, hidden or dropped elements and
 * what is inside them. A visible inline element (`<b>`, `<span>`, `<a>` …) changes nothing in the text, so an
 * unclosed one costs nothing. More than MAX_HTML_DEPTH open elements are refused with ImportRefusedError.
 */
import { decodeHTML } from "entities";
import { ImportRefusedError, MAX_HTML_DEPTH } from "./limits";

const DROPPED = new Set([
  "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg", "math", "iframe", "object", "embed",
  "canvas", "video", "audio", "picture", "img", "select", "textarea", "input", "button", "option", "datalist", "dialog",
  "noembed", "noframes",
]);

const BLOCKS = new Set([
  "p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "blockquote", "pre", "figure", "figcaption",
  "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "thead", "tbody", "tfoot", "tr", "td", "th",
  "caption", "address", "hr", "body", "html", "form", "fieldset", "legend", "details", "summary",
]);

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame"]);

/** Content up to the matching end tag is text, never markup. */
const RAW_TEXT = new Set(["script", "style", "noscript", "iframe", "noembed", "noframes", "xmp", "title", "textarea"]);

/** What may stay in <head>; anything else closes it, as in a browser. */
const IN_HEAD = new Set(["title", "meta", "link", "style", "script", "noscript", "base", "template", "basefont", "bgsound"]);

/** An open element of one of these kinds stops the search for an element to close (the spec's "scope"). */
const SCOPE = ["html", "table", "td", "th", "caption", "template", "object", "applet", "marquee"];
const BUTTON_SCOPE = [...SCOPE, "button"];
const LIST_SCOPE = [...SCOPE, "ul", "ol"];
const DL_SCOPE = [...SCOPE, "dl"];
const TABLE_SCOPE = ["html", "table", "template"];

/** Opening one of these closes an open <p>. */
const CLOSES_P = new Set([
  "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset", "figcaption",
  "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main", "menu", "nav", "ol", "p",
  "pre", "section", "summary", "table", "ul", "li", "dd", "dt", "xmp", "listing", "plaintext",
]);

/** Elements that must be on the stack even when visible, because their end (given or implied) matters. */
const STRUCTURAL = new Set(["head", "td", "th", "tr", "caption", "template", "object", "applet", "marquee", "menu", "dir", "center", "hgroup", "listing"]);

export interface HtmlToTextResult {
  /** The document's <title> or first visible <h1>, when there is one. */
  title: string | null;
  /** Paragraphs separated by a blank line. */
  text: string;
}

type Attributes = Map<string, string>;

function isHidden(tag: string, attrs: Attributes): boolean {
  if (attrs.has("hidden")) return true;
  if ((attrs.get("aria-hidden") ?? "").trim().toLowerCase() === "true") return true;
  const style = (attrs.get("style") ?? "").toLowerCase().replace(/\s+/g, "");
  if (/(^|;)display:none/.test(style) || /(^|;)visibility:hidden/.test(style)) return true;
  if (tag === "input" && (attrs.get("type") ?? "").toLowerCase() === "hidden") return true;
  return false;
}

const collapse = (s: string) => s.replace(/[\s\u00a0]+/g, " ").trim();
const isTagStart = (c: string | undefined) => c !== undefined && ((c >= "a" && c <= "z") || (c >= "A" && c <= "Z"));
const isSpace = (c: string | undefined) => c === " " || c === "\n" || c === "\t" || c === "\r" || c === "\f";

interface OpenElement {
  name: string;
  suppressed: boolean;
}

export function htmlToText(html: string): HtmlToTextResult {
  const paragraphs: string[] = [];
  let current = "";
  const flush = () => {
    const t = collapse(current);
    if (t) paragraphs.push(t);
    current = "";
  };

  const stack: OpenElement[] = [];
  const openAt = new Map<string, number[]>(); // stack indices of the open elements, by name
  const suppressed = () => stack.length > 0 && stack[stack.length - 1].suppressed;
  const nearest = (name: string) => openAt.get(name)?.at(-1) ?? -1;
  const nearestOf = (names: readonly string[]) => names.reduce((best, n) => Math.max(best, nearest(n)), -1);

  let title: string | null = null;
  let h1: { index: number; from: number } | null = null;
  let h1Title: string | null = null;

  const popTo = (index: number) => {
    while (stack.length > index) {
      const el = stack.pop()!;
      openAt.get(el.name)!.pop();
      if (BLOCKS.has(el.name)) flush();
      if (h1 && stack.length === h1.index) {
        h1Title = collapse(paragraphs.slice(h1.from).join(" "));
        h1 = null;
      }
    }
  };
  /** Closes the nearest open element named in `names`, unless an element of `scope` is open nearer. */
  const closeIfInScope = (names: readonly string[], scope: readonly string[]) => {
    const at = nearestOf(names);
    if (at !== -1 && at >= nearestOf(scope)) popTo(at);
  };
  /** Closes the outermost open element named in `names` that is nearer than any element of `scope` (a row with its cells). */
  const closeOutermostInScope = (names: readonly string[], scope: readonly string[]) => {
    const boundary = nearestOf(scope);
    let outermost = -1;
    for (const name of names) {
      const at = firstAbove(openAt.get(name), boundary);
      if (at !== -1 && (outermost === -1 || at < outermost)) outermost = at;
    }
    if (outermost !== -1) popTo(outermost);
  };
  const push = (name: string, hidden: boolean) => {
    if (stack.length >= MAX_HTML_DEPTH) {
      throw new ImportRefusedError(
        `The HTML nests more than ${MAX_HTML_DEPTH.toLocaleString("en")} elements deep, which no article needs. Nothing was imported. Save the page as text and import that instead.`,
      );
    }
    if (!openAt.has(name)) openAt.set(name, []);
    openAt.get(name)!.push(stack.length);
    stack.push({ name, suppressed: hidden });
  };
  const text = (raw: string) => {
    if (nearest("head") !== -1 && /\S/.test(raw)) closeIfInScope(["head"], []);
    if (!suppressed()) current += decodeHTML(raw);
  };

  const startTag = (name: string, attrs: Attributes, selfClosing: boolean, end: number): number => {
    if (nearest("head") !== -1 && !IN_HEAD.has(name)) closeIfInScope(["head"], []);
    if (name === "html" || name === "body") {
      flush();
      return end;
    }
    if (name === "br") {
      if (!suppressed()) flush();
      return end;
    }
    if (CLOSES_P.has(name)) closeIfInScope(["p"], BUTTON_SCOPE);
    if (name === "li") closeIfInScope(["li"], LIST_SCOPE);
    if (name === "dd" || name === "dt") closeIfInScope(["dd", "dt"], DL_SCOPE);
    if (name === "td" || name === "th") closeIfInScope(["td", "th"], TABLE_SCOPE);
    if (name === "tr") closeOutermostInScope(["tr", "td", "th"], TABLE_SCOPE);
    if (name === "thead" || name === "tbody" || name === "tfoot") closeOutermostInScope(["thead", "tbody", "tfoot", "tr", "td", "th"], TABLE_SCOPE);
    if (name === "option" || name === "optgroup") closeIfInScope(["option"], SCOPE);

    const hidden = suppressed() || DROPPED.has(name) || isHidden(name, attrs);
    // "<x/>" closes itself only inside SVG and MathML; in HTML the slash is ignored.
    const foreign = name === "svg" || name === "math" || nearest("svg") !== -1 || nearest("math") !== -1;
    if (VOID.has(name) || (selfClosing && foreign)) {
      if (BLOCKS.has(name) && !suppressed()) flush();
      return end;
    }
    if (RAW_TEXT.has(name)) {
      const close = new RegExp(`</${name}(?=[\\s/>])`, "gi");
      close.lastIndex = end;
      const found = close.exec(html);
      const contentEnd = found ? found.index : html.length;
      const content = html.slice(end, contentEnd);
      if (name === "title" && title === null) title = collapse(decodeHTML(content));
      if (!hidden) current += content; // only <xmp> is not dropped: its text is shown as written
      if (!found) return html.length;
      const tagEnd = html.indexOf(">", contentEnd);
      return tagEnd === -1 ? html.length : tagEnd + 1;
    }
    if (!hidden && !BLOCKS.has(name) && !STRUCTURAL.has(name)) return end; // a visible inline element: no effect on text
    if (BLOCKS.has(name) && !hidden) flush();
    push(name, hidden);
    if (name === "h1" && !hidden && h1 === null && h1Title === null) h1 = { index: stack.length - 1, from: paragraphs.length };
    return end;
  };

  const endTag = (name: string) => {
    if (name === "br") {
      if (!suppressed()) flush();
      return;
    }
    if (nearest(name) === -1) {
      if (BLOCKS.has(name) && !suppressed()) flush();
      return;
    }
    closeIfInScope([name], SCOPE.includes(name) ? [] : SCOPE);
  };

  const n = html.length;
  let i = 0;
  let search = 0; // where to look for the next "<"; a "<" that starts no markup stays in the text run from i
  while (i < n) {
    const lt = html.indexOf("<", search);
    if (lt === -1) {
      text(html.slice(i));
      break;
    }
    const next = html[lt + 1];
    const closing = next === "/";
    if (next !== "!" && next !== "?" && !closing && !isTagStart(next)) {
      search = lt + 1;
      continue;
    }
    if (lt > i) text(html.slice(i, lt));
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 2);
      i = search = end === -1 ? n : end + 3;
      continue;
    }
    if (next === "!" || next === "?" || (next === "/" && !isTagStart(html[lt + 2]))) {
      // Doctypes, XML declarations, CDATA and other bogus markup: never text.
      const end = html.indexOf(">", lt + 2);
      i = search = end === -1 ? n : end + 1;
      continue;
    }
    const tag = readTag(html, lt + (closing ? 2 : 1));
    if (tag === null) break; // a tag cut off by the end of the input is dropped, as browsers do
    i = search = closing ? (endTag(tag.name), tag.end) : startTag(tag.name, tag.attrs, tag.selfClosing, tag.end);
  }
  popTo(0); // also ends an <h1> left open
  flush();

  return { title: title || h1Title || null, text: paragraphs.join("\n\n") };
}

/** The first of the ascending stack indices that is above `boundary`, or -1 (a binary search). */
function firstAbove(indices: number[] | undefined, boundary: number): number {
  if (!indices || indices.length === 0 || indices[indices.length - 1] <= boundary) return -1;
  let lo = 0;
  let hi = indices.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (indices[mid] > boundary) hi = mid;
    else lo = mid + 1;
  }
  return indices[lo];
}

/** Reads a tag's name and attributes from just after `<` or `</`, up to its `>`; null if the input ends first. */
function readTag(html: string, from: number): { name: string; attrs: Attributes; selfClosing: boolean; end: number } | null {
  const n = html.length;
  let i = from;
  while (i < n && !isSpace(html[i]) && html[i] !== "/" && html[i] !== ">") i++;
  const name = html.slice(from, i).toLowerCase();
  const attrs: Attributes = new Map();
  while (i < n) {
    const c = html[i];
    if (c === ">") return { name, attrs, selfClosing: html[i - 1] === "/", end: i + 1 };
    if (isSpace(c) || c === "/") {
      i++;
      continue;
    }
    const nameStart = i;
    i++; // an attribute name may start with "="
    while (i < n && !isSpace(html[i]) && html[i] !== "/" && html[i] !== ">" && html[i] !== "=") i++;
    const attrName = html.slice(nameStart, i).toLowerCase();
    while (i < n && isSpace(html[i])) i++;
    let value = "";
    if (html[i] === "=") {
      i++;
      while (i < n && isSpace(html[i])) i++;
      const quote = html[i];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, i + 1);
        if (close === -1) return null;
        value = html.slice(i + 1, close);
        i = close + 1;
      } else {
        const start = i;
        while (i < n && !isSpace(html[i]) && html[i] !== ">") i++;
        value = html.slice(start, i);
      }
    }
    if (!attrs.has(attrName)) attrs.set(attrName, value);
  }
  return null;
}
