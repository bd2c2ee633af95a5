import type { ReactNode } from "react";

/** Small shared pieces of the reviewer UI (server- and client-safe: no hooks). */
export const inputClass =
  "w-full rounded border border-stone-400 bg-white px-2.5 py-1.5 text-sm text-stone-900 aria-[invalid=true]:border-red-600 aria-[invalid=true]:bg-red-50";
export const labelClass = "mb-1 block text-sm font-medium text-stone-800";
export const buttonClass = "rounded bg-stone-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-stone-700 disabled:cursor-not-allowed disabled:opacity-50";
export const secondaryButtonClass = "rounded border border-stone-500 bg-white px-3 py-1.5 text-sm font-medium text-stone-900 hover:bg-stone-100 disabled:cursor-not-allowed disabled:opacity-50";
export const dangerButtonClass = "rounded border border-red-700 bg-white px-3 py-1.5 text-sm font-semibold text-red-800 hover:bg-red-50 disabled:opacity-50";

export { FieldError } from "@/components/ui/FieldError";

export function Notice({ tone, children, role }: { tone: "error" | "success" | "info" | "warning"; children: ReactNode; role?: "alert" | "status" }) {
  const tones = {
    error: "border-red-300 bg-red-50 text-red-900",
    success: "border-green-300 bg-green-50 text-green-900",
    info: "border-blue-200 bg-blue-50 text-blue-950",
    warning: "border-amber-300 bg-amber-50 text-amber-950",
  };
  return (
    <div role={role ?? (tone === "error" ? "alert" : "status")} className={`rounded border px-3 py-2 text-sm ${tones[tone]}`}>
      {children}
    </div>
  );
}

export const WORKFLOW_BADGE: Record<string, string> = {
  none: "bg-white text-stone-700 border-stone-400",
  draft: "bg-amber-100 text-amber-950 border-amber-400",
  in_review: "bg-sky-100 text-sky-950 border-sky-400",
  approved: "bg-green-100 text-green-950 border-green-500",
};

export function StateBadge({ state, label }: { state: string; label: string }) {
  return <span className={`inline-block rounded border px-1.5 py-0.5 text-xs font-semibold ${WORKFLOW_BADGE[state] ?? WORKFLOW_BADGE.none}`}>{label}</span>;
}
