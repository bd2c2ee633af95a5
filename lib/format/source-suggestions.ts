import type { SourceDTO } from "@/lib/domain/types";
import { SOURCE_KIND_LABELS } from "@/lib/vocabulary/labels";

/** The host of a source's URL without "www.", or null when there is none (or it does not parse). */
export function urlHost(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || null;
  } catch {
    return null;
  }
}

/**
 * The text of each autocomplete suggestion, unique within the list, so two sources with the same name can be told
 * apart (and the one picked is found again by its text): "The Telegraph — News outlet · 2025-06-24 · telegraph.co.uk".
 * When kind, date and host are all the same, the full URL is shown instead of the host; if even that is the same,
 * a number.
 */
export function sourceSuggestionLabels(sources: SourceDTO[]): Map<string, string> {
  const base = (s: SourceDTO, fullUrl: boolean) =>
    `${s.name} — ${SOURCE_KIND_LABELS[s.kind] ?? s.kind} · ${s.date ?? "undated"} · ${(fullUrl ? s.url : urlHost(s.url)) ?? "no URL"}`;
  const count = (labels: string[]) => labels.reduce((m, l) => m.set(l, (m.get(l) ?? 0) + 1), new Map<string, number>());
  const short = sources.map((s) => base(s, false));
  const shortCounts = count(short);
  const labels = sources.map((s, i) => (shortCounts.get(short[i])! > 1 ? base(s, true) : short[i]));
  const counts = count(labels);
  const seen = new Map<string, number>();
  const out = new Map<string, string>();
  sources.forEach((s, i) => {
    let label = labels[i];
    if (counts.get(label)! > 1) {
      const n = (seen.get(label) ?? 0) + 1;
      seen.set(label, n);
      label = `${label} (${n})`;
    }
    out.set(s.id, label);
  });
  return out;
}

/** The source whose suggestion text is exactly `value` (a pick from the list), or undefined (typed by hand). */
export function pickedSource(sources: SourceDTO[], value: string): SourceDTO | undefined {
  const labels = sourceSuggestionLabels(sources);
  return sources.find((s) => labels.get(s.id) === value);
}
