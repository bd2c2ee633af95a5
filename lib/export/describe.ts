/** Plain-language sentences about an annotation's attribution and provenance (for generic annotation clients). */
import type { AnnotationContentDTO } from "@/lib/domain/types";
import { normalizeHttpUrl, orderedChain, orderedEvidence, text } from "./values";

/**
 * E.g. "Attributed in the text as “a spokesperson for the Estonian foreign ministry” to Government of Estonia
 * (role: spokesperson); claimed 2025-06-27; source chain: Latvian foreign ministry → Interfax → this article."
 */
export function describeProvenance(a: AnnotationContentDTO): string {
  const wording = text(a.attributionText);
  const speaker = text(a.speakerName);
  const role = text(a.speakerRole);
  const roleNote = role ? ` (role: ${role})` : "";

  let attribution: string;
  if (wording && speaker) attribution = `Attributed in the text as “${wording}” to ${speaker}${roleNote}`;
  else if (wording) attribution = `Attributed in the text as “${wording}” to an unnamed speaker${roleNote}`;
  else if (speaker) attribution = `Attributed to ${speaker}${roleNote}`;
  else attribution = "Stated in the article’s own voice (no attribution in the text)";

  const parts = [attribution];
  const claimDate = text(a.claimDate);
  if (claimDate) parts.push(`claimed ${claimDate}`);
  const hops = orderedChain(a.chain).map((hop) => hop.source.name);
  if (hops.length > 0) parts.push(`source chain: ${[...hops, "this article"].join(" → ")}`);
  return `${parts.join("; ")}.`;
}

/** E.g. "Evidence: “UN Treaty Collection” (supports) https://treaties.un.org/…" — or "" when there is none. */
export function describeEvidence(a: AnnotationContentDTO): string {
  const items = orderedEvidence(a.evidence).map((e) => {
    const url = normalizeHttpUrl(e.url) ?? e.url;
    const title = text(e.title);
    return `${title ? `“${title}” ` : ""}(${e.stance}) ${url}`;
  });
  return items.length > 0 ? `Evidence: ${items.join("; ")}.` : "";
}
