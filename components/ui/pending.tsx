"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";

interface PendingScopeValue {
  busy: boolean;
  /** Marks one action as pending; the returned function marks it done. */
  enter: () => () => void;
}

const PendingScopeContext = createContext<PendingScopeValue | null>(null);

/**
 * One pending state for a screen with several forms (the review workspace): while any action inside is pending,
 * every control that changes data is disabled and a "Saving…" notice is shown, so a second click is never lost
 * silently while the first one's answer re-renders the page.
 */
export function PendingScope({ children }: { children: ReactNode }) {
  const [count, setCount] = useState(0);
  const enter = useCallback(() => {
    setCount((c) => c + 1);
    let left = false;
    return () => {
      if (left) return;
      left = true;
      setCount((c) => c - 1);
    };
  }, []);
  const value = useMemo(() => ({ busy: count > 0, enter }), [count, enter]);
  return (
    <PendingScopeContext value={value}>
      {children}
      {/* Always mounted, so screen readers announce the text when it appears. */}
      <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex justify-center">
        {value.busy ? (
          <span className="rounded bg-stone-900 px-3 py-1.5 text-sm font-semibold text-white shadow" data-testid="saving-notice">
            Saving… Other changes wait until this one is done.
          </span>
        ) : null}
      </div>
    </PendingScopeContext>
  );
}

/**
 * Reports this component's own pending flag to the enclosing PendingScope and returns whether anything in the
 * scope (this component included) is pending: use it as `disabled` on every control that changes data.
 * Outside a scope it is just the component's own flag.
 */
export function useScopePending(pending: boolean): boolean {
  const scope = useContext(PendingScopeContext);
  const enter = scope?.enter;
  useEffect(() => {
    if (!pending || !enter) return;
    return enter();
  }, [pending, enter]);
  return pending || (scope?.busy ?? false);
}
