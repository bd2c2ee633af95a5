import "server-only";
import type { AttributionFields } from "@/lib/domain/types";
import type { AnnotationFormValues } from "./types";
import type { AnnotationContentSource } from "@/lib/domain/annotation-content";
import type { AnnotationContentDTO } from "@/lib/domain/types";

/** What the data layer loads for an annotation's content (one query with relations, never per hop). */
export const ANNOTATION_CONTENT_INCLUDE = {
  claimType: { select: { id: true, slug: true, label: true, shortLabel: true, color: true, retired: true } },
  status: { select: { id: true, slug: true, label: true, color: true, rating: true, retired: true } },
  chain: { orderBy: { position: "asc" as const }, select: { position: true, note: true, source: { select: { id: true, name: true, kind: true, url: true, date: true } } } },
  evidence: { orderBy: { position: "asc" as const }, select: { position: true, url: true, title: true, stance: true, archivedUrl: true, note: true } },
};

export interface ContentRow extends Omit<AnnotationContentSource, "claimType" | "status"> {
  workflowState: string;
  version: number;
  claimType: { slug: string; label: string };
  status: { slug: string; label: string };
}

/** The flat snapshot stored in audit before/after and compared field by field (history, conflicts). */
export interface FlatSnapshot extends AttributionFields {
  [key: string]: unknown;
  claimType: string;
  status: string;
  chain: { name: string; kind: string; url: string | null; date: string | null; note: string | null }[];
  evidence: { url: string; title: string; stance: string; archivedUrl: string | null; note: string | null }[];
  workflowState: string;
  version: number;
}

export function flatSnapshot(a: ContentRow): FlatSnapshot {
  return {
    claimType: a.claimType.label,
    status: a.status.label,
    attributionText: a.attributionText,
    speakerName: a.speakerName,
    speakerKind: a.speakerKind,
    speakerRole: a.speakerRole,
    claimDate: a.claimDate,
    rationale: a.rationale,
    chain: a.chain.map((h) => ({ name: h.source.name, kind: h.source.kind, url: h.source.url, date: h.source.date, note: h.note })),
    evidence: a.evidence.map((e) => ({ url: e.url, title: e.title, stance: e.stance, archivedUrl: e.archivedUrl, note: e.note })),
    workflowState: a.workflowState,
    version: a.version,
  };
}

/** The same flat shape from stored content (an approved snapshot or a revision row); null when it is not content. */
export function flatFromContent(c: AnnotationContentDTO | null | undefined, workflowState: string, version: number): FlatSnapshot | null {
  if (!c?.claimType || !c.status || !Array.isArray(c.chain) || !Array.isArray(c.evidence)) return null;
  return flatSnapshot({ ...c, workflowState, version });
}

export function formValues(a: ContentRow): AnnotationFormValues {
  return {
    claimTypeSlug: a.claimType.slug,
    statusSlug: a.status.slug,
    attributionText: a.attributionText ?? "",
    speakerName: a.speakerName ?? "",
    speakerKind: a.speakerKind ?? "",
    speakerRole: a.speakerRole ?? "",
    claimDate: a.claimDate ?? "",
    rationale: a.rationale,
    chain: a.chain.map((h) => ({ sourceId: h.source.id, name: h.source.name, kind: h.source.kind, url: h.source.url ?? "", date: h.source.date ?? "", note: h.note ?? "" })),
    evidence: a.evidence.map((e) => ({ url: e.url, title: e.title, stance: e.stance, archivedUrl: e.archivedUrl ?? "", note: e.note ?? "" })),
  };
}

/** Content fields only (no workflow state or version), for "does the working copy differ from the approved one". */
export function contentKey(s: FlatSnapshot): string {
  const { workflowState: _w, version: _v, ...rest } = s;
  return JSON.stringify(rest);
}

export { parseJson } from "@/lib/format/json";

export const ACTION_LABELS: Record<string, string> = {
  "annotation.create": "Created",
  "annotation.update": "Edited",
  "annotation.submit": "Submitted for review",
  "annotation.approve": "Approved",
  "annotation.return": "Returned",
  "annotation.move": "Span changed",
  "annotation.reanchor": "Re-anchored after an article correction",
  "annotation.copy_chain": "Chain and evidence copied from the same claim",
  "annotation.delete": "Deleted",
  "annotation.removal_request": "Removal requested",
  "annotation.removal_cancel": "Removal request cancelled",
  "annotation.removal_confirm": "Removed (verdict withdrawn)",
  "annotation.reattach_request": "Re-attachment requested",
  "annotation.reattach_cancel": "Re-attachment request cancelled",
  "annotation.reattach_confirm": "Re-attached to the current text",
};
