/** A field-by-field diff of two audit snapshots (JSON strings), for the audit log. Pure: no server imports. */

export interface DiffRow {
  field: string;
  before: string | null;
  after: string | null;
  change: "added" | "removed" | "changed" | "same";
}

function parse(json: string | null): Record<string, unknown> | null {
  if (json === null || json === "") return null;
  try {
    const v = JSON.parse(json) as unknown;
    return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : { value: v };
  } catch {
    return { value: json };
  }
}

const show = (v: unknown): string | null => (v === undefined ? null : typeof v === "string" ? v : JSON.stringify(v));

/** Changed fields first (in key order), then unchanged ones. */
export function diffSnapshots(before: string | null, after: string | null): DiffRow[] {
  const b = parse(before);
  const a = parse(after);
  const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
  const rows = keys.map((field): DiffRow => {
    const bv = b ? b[field] : undefined;
    const av = a ? a[field] : undefined;
    const change = bv === undefined ? "added" : av === undefined ? "removed" : JSON.stringify(bv) === JSON.stringify(av) ? "same" : "changed";
    return { field, before: show(bv), after: show(av), change };
  });
  return [...rows.filter((r) => r.change !== "same"), ...rows.filter((r) => r.change === "same")];
}
