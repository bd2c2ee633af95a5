/**
 * Maps a DOM selection inside the workspace text back to canonical text offsets. Every text node's parent element
 * carries data-start (the offset of its first character), so offset = data-start + offset within the node.
 * Nodes without data-start (tags, screen-reader text) are not article text and are skipped.
 */
function pointOffset(root: HTMLElement, node: Node, offset: number, edge: "start" | "end"): number | null {
  if (node.nodeType === Node.TEXT_NODE) {
    const parent = node.parentElement;
    const start = parent?.getAttribute("data-start");
    if (parent && start !== null && start !== undefined && parent.closest("[data-start]") === parent && !parent.closest(".ws-tag, .sr-only")) {
      return Number(start) + offset;
    }
    return nearestTextOffset(root, node, edge);
  }
  // An element boundary: the child at `offset` (or the end of the element).
  const el = node as Element;
  const child = el.childNodes[offset] ?? null;
  if (child) return nearestTextOffset(root, child, "start", true);
  return nearestTextOffset(root, el, "end", false, true);
}

/** The offset of the nearest article text at or after (edge start) / before (edge end) `node`. */
function nearestTextOffset(root: HTMLElement, node: Node, edge: "start" | "end", inclusive = false, afterEnd = false): number | null {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) => {
      const p = n.parentElement;
      return p && p.hasAttribute("data-start") && !p.closest(".ws-tag, .sr-only") ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_SKIP;
    },
  });
  const texts: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) texts.push(n as Text);
  const position = (t: Text) => node.compareDocumentPosition(t);
  if (edge === "start" && !afterEnd) {
    const t = texts.find((x) => x === node || (inclusive && node.contains(x)) || position(x) & Node.DOCUMENT_POSITION_FOLLOWING);
    return t ? Number(t.parentElement!.getAttribute("data-start")) : null;
  }
  const before = [...texts].reverse().find((x) => x === node || node.contains(x) || position(x) & Node.DOCUMENT_POSITION_PRECEDING);
  return before ? Number(before.parentElement!.getAttribute("data-start")) + before.data.length : null;
}

export function selectionOffsets(root: HTMLElement): { start: number; end: number; collapsed: boolean } | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return null;
  const range = sel.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = pointOffset(root, range.startContainer, range.startOffset, "start");
  const end = range.collapsed ? start : pointOffset(root, range.endContainer, range.endOffset, "end");
  if (start === null || end === null) return null;
  return { start: Math.min(start, end), end: Math.max(start, end), collapsed: range.collapsed || start === end };
}

/** The article text of the current selection (tags and screen-reader labels left out), whitespace collapsed. */
export function selectedArticleText(): string {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0) return "";
  const fragment = sel.getRangeAt(0).cloneContents();
  fragment.querySelectorAll(".ws-tag, .sr-only").forEach((el) => el.remove());
  return (fragment.textContent ?? "").replace(/\s+/g, " ").trim();
}
