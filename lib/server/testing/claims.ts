/** Test-only: what the claim-memory tests share (the demo's analyst quote as annotation fields). */
import type { SaveAnnotationInput } from "@/lib/contracts/review";

type Fields = SaveAnnotationInput["fields"];

/** Annotation fields for the demo's "sow millions of mines" analyst quote, as relayed by a news outlet; `over` replaces. */
export function analystQuoteFields(over: Partial<Fields> = {}): Fields {
  return {
    claimTypeSlug: "analyst-claim",
    statusSlug: "unverified",
    attributionText: "a Russian military analyst was quoted as saying",
    speakerName: "Unnamed Russian military analyst",
    speakerKind: "person",
    speakerRole: "Military analyst",
    claimDate: null,
    rationale: "",
    chain: [{ sourceId: null, name: "Baltic Daily", kind: "news_outlet", url: null, date: null, note: null }],
    evidence: [],
    ...over,
  } as Fields;
}
