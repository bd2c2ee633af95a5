"use client";

import { useEffect, useRef, type ReactNode } from "react";

/**
 * Moves keyboard focus to its content when it appears (a newly opened statement's panel, a result notice), so
 * keyboard and screen-reader users land where the action's result is instead of at the top of the page.
 */
export function FocusOnMount({ children, className }: { children: ReactNode; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Only take focus from the page itself or from the element that opened this (never from a field being typed in).
    const active = document.activeElement;
    if (active && active !== document.body && active.closest("input, textarea, select")) return;
    el.focus({ preventScroll: true });
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.top > window.innerHeight - 40) el.scrollIntoView({ block: "start" });
  }, []);
  return (
    <div ref={ref} tabIndex={-1} className={`outline-none focus-visible:ring-2 focus-visible:ring-blue-700 ${className ?? ""}`}>
      {children}
    </div>
  );
}
