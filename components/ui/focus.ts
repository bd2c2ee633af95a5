"use client";

import { useEffect, useRef } from "react";

/**
 * Moves focus to `target(state)` each time an action answers (useActionState gives a new state object), so a
 * keyboard or screen-reader user lands on the result instead of the top of the page. Not on first render.
 */
export function useFocusOnAnswer<S>(state: S, target: (state: S) => HTMLElement | null | undefined) {
  const seen = useRef(state);
  useEffect(() => {
    if (seen.current === state) return;
    seen.current = state;
    target(state)?.focus();
  });
}

/** The first field marked invalid inside `root`. */
export function firstInvalid(root: HTMLElement | null): HTMLElement | null {
  return root?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? null;
}
