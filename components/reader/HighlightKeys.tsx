"use client";

import { useEffect } from "react";

/**
 * Progressive enhancement for the reader: Space opens a focused highlight like Enter does, and j / k move to the
 * next / previous highlight; Escape closes the open details and returns to the statement. Without JavaScript the highlights are still plain links.
 */
export function HighlightKeys() {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (!target || event.altKey || event.ctrlKey || event.metaKey) return;
      if (target.closest("input, textarea, select, [contenteditable='true']")) return;
      if (event.key === "Escape") {
        // Close the open details and return to its statement in the text.
        const open = document.querySelector<HTMLElement>(".annotation-details:target, .annotation-details[data-open='true']");
        const id = open?.id.replace(/^annotation-/, "");
        const highlight = id ? document.getElementById(`h-${id}`) : null;
        if (open && highlight) {
          open.removeAttribute("data-open");
          location.hash = `h-${id}`;
          highlight.focus();
          event.preventDefault();
        }
        return;
      }
      if (event.key === " " && target.matches("a.highlight[data-annotation-id]")) {
        event.preventDefault();
        (target as HTMLAnchorElement).click();
        return;
      }
      if (event.key === "j" || event.key === "k") {
        const highlights = Array.from(document.querySelectorAll<HTMLAnchorElement>("a.highlight[data-annotation-id]"));
        if (highlights.length === 0) return;
        const current = highlights.indexOf(document.activeElement as HTMLAnchorElement);
        const next = event.key === "j" ? Math.min(current + 1, highlights.length - 1) : Math.max(current - 1, 0);
        highlights[current === -1 ? 0 : next].focus();
        event.preventDefault();
      }
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return null;
}
