import type { ReactNode, Ref } from "react";
import type { ActionState } from "@/lib/contracts/forms";

const TONES = {
  error: "border-red-300 bg-red-50 text-red-900",
  success: "border-green-300 bg-green-50 text-green-900",
  info: "border-blue-200 bg-blue-50 text-blue-950",
  warning: "border-amber-300 bg-amber-50 text-amber-950",
};

/** A boxed message; errors are announced as alerts, everything else as status. */
export function Notice({ tone, children, role, testId, ref, focusable }: { tone: keyof typeof TONES; children: ReactNode; role?: "alert" | "status"; testId?: string; ref?: Ref<HTMLDivElement>; focusable?: boolean }) {
  return (
    <div ref={ref} tabIndex={focusable ? -1 : undefined} role={role ?? (tone === "error" ? "alert" : "status")} data-testid={testId} className={`rounded border px-3 py-2 text-sm outline-none ${TONES[tone]}`}>
      {children}
    </div>
  );
}

/** The answer of a server action (success or failure message); nothing before the first answer or without a message. */
export function ActionMessage({ state, testId, ref }: { state: ActionState<object>; testId?: string; ref?: Ref<HTMLDivElement> }) {
  if (!state?.message) return null;
  return (
    <Notice tone={state.ok ? "success" : "error"} testId={testId} ref={ref} focusable>
      {state.message}
    </Notice>
  );
}
