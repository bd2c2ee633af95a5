import type { EvidenceStance, SourceKind } from "@/lib/domain/types";

export const SOURCE_KIND_LABELS: Record<SourceKind, string> = {
  government: "Government",
  news_outlet: "News outlet",
  wire_agency: "Wire agency",
  person: "Person",
  organisation: "Organisation",
  ngo: "NGO",
  document: "Document",
  social_post: "Social media post",
};

export const STANCE_LABELS: Record<EvidenceStance, string> = {
  supports: "Supports",
  refutes: "Refutes",
  context: "Context",
};
