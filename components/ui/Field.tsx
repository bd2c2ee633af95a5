import type { ReactNode } from "react";
import { FieldError } from "./FieldError";
import { labelClass } from "./styles";

/** aria-invalid / aria-describedby for the control of field `id`, pointing at its error and hint when shown. */
export function fieldAria(id: string, error?: string, hint?: string) {
  return {
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [error ? `${id}-error` : "", hint ? `${id}-hint` : ""].join(" ").trim() || undefined,
  } as const;
}

/** A labelled control with its hint and its validation message (the control spreads fieldAria(id, error, hint)). */
export function Field({ id, label, hint, error, required, className, children }: { id: string; label: ReactNode; hint?: string; error?: string; required?: boolean; className?: string; children: ReactNode }) {
  return (
    <div className={className}>
      <label htmlFor={id} className={labelClass}>
        {label}
        {required ? <span className="text-stone-600"> (required)</span> : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-stone-600">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} message={error} />
    </div>
  );
}
