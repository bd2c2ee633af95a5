/** Small value normalisers shared by the exporters. */
import type { EvidenceDTO, ProvenanceHopDTO } from "@/lib/domain/types";

/** An xsd:dateTime in UTC with a "Z" (no milliseconds), e.g. "2025-06-27T10:00:00Z". Throws on an unparsable date. */
export function toXsdDateTime(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date-time: ${String(value)}`);
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The UTC calendar date, "YYYY-MM-DD". */
export function toIsoDate(value: string | Date): string {
  return toXsdDateTime(value).slice(0, 10);
}

/** "2021", "2025-06" or "2025-06-27" (what the app stores for claim and source dates). */
export function isPartialIsoDate(value: string | null | undefined): value is string {
  return typeof value === "string" && /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/.test(value);
}

/**
 * An absolute http(s) URL in RFC 3986 form, or null. Characters the WHATWG parser leaves alone but RFC 3986 forbids
 * (e.g. "|", "{", "^") are percent-encoded, so the result passes a strict `uri` format check.
 */
export function normalizeHttpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  return url.href.replace(/[^A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]/g, (c) => encodeURIComponent(c));
}

export function orderedChain(chain: readonly ProvenanceHopDTO[]): ProvenanceHopDTO[] {
  return [...chain].sort((a, b) => a.position - b.position);
}

export function orderedEvidence(evidence: readonly EvidenceDTO[]): EvidenceDTO[] {
  return [...evidence].sort((a, b) => a.position - b.position);
}

/** Non-empty trimmed string, or null. */
export function text(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
