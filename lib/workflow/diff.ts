/** Field-level differences between two flat snapshots of an annotation (audit before/after, conflict display). */

export const FIELD_LABELS: Record<string, string> = {
  claimType: "Claim type",
  status: "Verification status",
  attributionText: "Attribution",
  speakerName: "Speaker",
  speakerKind: "Speaker kind",
  speakerRole: "Role",
  claimDate: "Claim date",
  rationale: "Rationale",
  chain: "Provenance chain",
  evidence: "Evidence",
  workflowState: "Workflow state",
  span: "Statement span",
  quote: "Quoted text",
  returnComment: "Return comment",
  state: "Article state",
  approvedAt: "Approved at",
  approvedSnapshot: "Approved version (as readers saw it)",
  consistency: "Verdict differs from the claim's earlier published one (annotation · verdict · note)",
  copiedFrom: "Chain and evidence copied from (annotation · version)",
};

export interface FieldChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

/** Hop fields read name · kind · url · date · note; evidence fields url · title · stance · archived copy · note. */
const DISPLAY_KEY_ORDER = ["name", "kind", "url", "title", "stance", "date", "archivedUrl", "note"];
function keyRank(key: string): number {
  const i = DISPLAY_KEY_ORDER.indexOf(key);
  return i === -1 ? DISPLAY_KEY_ORDER.length : i;
}

/** A value as a person reads it in a diff: empty → "(empty)", lists one entry per line. */
export function displayValue(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(empty)";
  if (Array.isArray(v)) return v.length === 0 ? "(none)" : v.map((x, i) => `${i + 1}. ${displayValue(x)}`).join("\n");
  if (typeof v === "object") {
    // A fixed field order: jsonb does not keep the order in which an object's keys were written.
    return Object.entries(v as Record<string, unknown>)
      .sort(([x], [y]) => keyRank(x) - keyRank(y) || x.localeCompare(y))
      .filter(([k, x]) => x !== null && x !== undefined && x !== "" && k !== "sourceId")
      .map(([, x]) => String(x))
      .join(" · ");
  }
  return String(v);
}

const IGNORED = new Set(["version"]);

/** The fields whose values differ, in a stable order (known fields first). Linear in the snapshot size. */
export function diffFields(before: Record<string, unknown> | null | undefined, after: Record<string, unknown> | null | undefined): FieldChange[] {
  const a = before ?? {};
  const b = after ?? {};
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  const order = Object.keys(FIELD_LABELS);
  const sorted = [...keys].filter((k) => !IGNORED.has(k)).sort((x, y) => rank(x) - rank(y) || x.localeCompare(y));
  function rank(k: string) {
    const i = order.indexOf(k);
    return i === -1 ? order.length : i;
  }
  const changes: FieldChange[] = [];
  for (const k of sorted) {
    const x = displayValue(a[k]);
    const y = displayValue(b[k]);
    if (x !== y) changes.push({ field: k, label: FIELD_LABELS[k] ?? k, before: x, after: y });
  }
  return changes;
}
