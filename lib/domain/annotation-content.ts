import type { AnnotationContentDTO, AttributionFields, EvidenceStance, SourceKind, SpeakerKind } from "./types";

/** The shape of an annotation row with its relations, as the data layer loads it (no ORM types here). */
export interface AnnotationContentSource extends AttributionFields {
  claimType: { slug: string; label: string; shortLabel: string; color: string; retired: boolean };
  status: { slug: string; label: string; color: string; rating: number | null; retired: boolean };
  chain: { position: number; note: string | null; source: { id: string; name: string; kind: string; url: string | null; date: string | null } }[];
  evidence: { position: number; url: string; title: string; stance: string; archivedUrl: string | null; note: string | null }[];
}

/** Freezes an annotation's content, as stored in `approvedSnapshot` and shown to readers. */
export function toAnnotationContent(a: AnnotationContentSource): AnnotationContentDTO {
  return {
    claimType: { ...a.claimType },
    status: { ...a.status },
    attributionText: a.attributionText,
    speakerName: a.speakerName,
    speakerKind: (a.speakerKind as SpeakerKind | null) ?? null,
    speakerRole: a.speakerRole,
    claimDate: a.claimDate,
    rationale: a.rationale,
    chain: [...a.chain]
      .sort((x, y) => x.position - y.position)
      .map((h) => ({
        position: h.position,
        note: h.note,
        source: { ...h.source, kind: h.source.kind as SourceKind },
      })),
    evidence: [...a.evidence]
      .sort((x, y) => x.position - y.position)
      .map((e) => ({ ...e, stance: e.stance as EvidenceStance })),
  };
}
