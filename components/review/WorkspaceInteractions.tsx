"use client";

import { useCallback, useEffect, useRef, useState, useTransition, type ReactNode } from "react";
import { useRouter } from "next/navigation";
import { selectSpanAction } from "@/lib/actions/review/statements";
import { selectedArticleText, selectionOffsets } from "./selection";
import { asQuotation } from "@/lib/format/quote";
import { Notice } from "@/components/ui/Notice";
import { useScopePending } from "@/components/ui/pending";
import { buttonClass, secondaryButtonClass } from "@/components/ui/styles";

/**
 * Keyboard and mouse for the workspace text (rendered on the server and passed in as children):
 * Tab / j / k move between statements, Enter or Space (or a click) opens one, and a mouse selection of any span
 * offers "Make this a statement".
 */
export function WorkspaceInteractions({ articleId, children }: { articleId: string; children: ReactNode }) {
  const root = useRef<HTMLDivElement>(null);
  const router = useRouter();
  const [selection, setSelection] = useState<{ start: number; end: number; quote: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const busy = useScopePending(pending);

  const open = useCallback(
    (id: string) => {
      const url = new URL(window.location.href);
      url.searchParams.set("s", id);
      url.searchParams.delete("imported");
      url.searchParams.delete("deleted");
      router.push(`${url.pathname}${url.search}`, { scroll: false });
    },
    [router],
  );

  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      const target = e.target as HTMLElement | null;
      if (!root.current || e.altKey || e.ctrlKey || e.metaKey) return;
      if (target && (target.closest("input, textarea, select, [contenteditable=true]") || (target.closest("button, a") && !target.closest("[data-statement-id]")))) return;
      if (e.key === "j" || e.key === "k") {
        const all = Array.from(root.current.querySelectorAll<HTMLElement>("[data-statement-id]"));
        if (all.length === 0) return;
        const active = document.activeElement?.closest("[data-statement-id]");
        let i = active ? all.indexOf(active as HTMLElement) : all.findIndex((el) => el.hasAttribute("data-selected"));
        i = e.key === "j" ? Math.min(all.length - 1, i + 1) : i === -1 ? 0 : Math.max(0, i - 1);
        all[i].focus();
        all[i].scrollIntoView({ block: "nearest" });
        e.preventDefault();
      }
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  function onKeyDown(e: React.KeyboardEvent) {
    const el = (e.target as HTMLElement).closest<HTMLElement>("[data-statement-id]");
    if (el && (e.key === "Enter" || e.key === " ")) {
      e.preventDefault();
      open(el.dataset.statementId!);
    }
  }

  function onClick(e: React.MouseEvent) {
    const sel = root.current ? selectionOffsets(root.current) : null;
    if (sel && !sel.collapsed) return;
    const el = (e.target as HTMLElement).closest<HTMLElement>("[data-statement-id], [data-continues]");
    const id = el?.dataset.statementId ?? el?.dataset.continues;
    if (id) open(id);
  }

  /** Also after a keyboard selection (Shift+arrows with caret browsing), so the span can be made a statement without a mouse. */
  function onMouseUp() {
    // Let the browser finish the selection first.
    setTimeout(() => {
      const sel = root.current ? selectionOffsets(root.current) : null;
      const quote = selectedArticleText();
      if (sel && !sel.collapsed && quote !== "") {
        setSelection({ start: sel.start, end: sel.end, quote });
        setError(null);
      } else {
        setSelection(null);
      }
    }, 0);
  }

  function makeStatement() {
    if (!selection) return;
    start(async () => {
      const form = new FormData();
      form.set("articleId", articleId);
      form.set("start", String(selection.start));
      form.set("end", String(selection.end));
      const result = await selectSpanAction(null, form);
      if (result && result.ok) {
        setSelection(null);
        window.getSelection()?.removeAllRanges();
        open(result.statementId);
      } else if (result) {
        setError(result.message);
      }
    });
  }

  const quote = selection?.quote ?? "";
  return (
    <div>
      <div className="sticky top-0 z-10 mb-3 space-y-2">
        {selection ? (
          <div className="flex flex-wrap items-center gap-2 rounded border border-blue-300 bg-blue-50 p-2 text-sm shadow-sm" role="region" aria-label="Selected text">
            <span className="min-w-0 flex-1 truncate">
              Selected ({selection.start}–{selection.end}): {asQuotation(quote.length > 90 ? `${quote.slice(0, 87)}…` : quote)}
            </span>
            <button type="button" onClick={makeStatement} disabled={busy} className={buttonClass}>
              {pending ? "Creating…" : "Make this a statement"}
            </button>
            <button type="button" onClick={() => setSelection(null)} className={secondaryButtonClass}>
              Cancel
            </button>
          </div>
        ) : null}
        {error ? <Notice tone="error">{error}</Notice> : null}
      </div>
      <div ref={root} id="workspace-text" onClick={onClick} onKeyDown={onKeyDown} onMouseUp={onMouseUp} onKeyUp={(e) => e.shiftKey && e.key !== "Tab" && onMouseUp()} data-testid="workspace-text">
        {children}
      </div>
    </div>
  );
}
