/**
 * Reader filters kept in the URL query (`?status=false&type=interview`), so a filtered view is linkable and works
 * without JavaScript. Values are vocabulary slugs; several values may be given (`?status=false,misattributed` or the
 * key repeated). Unknown values are reported, never an error.
 */

export interface ReaderFilters {
  statuses: string[];
  types: string[];
}

export interface ReaderQuery extends ReaderFilters {
  /** `?annotation=<id>`: the annotation whose details open on load. */
  annotation: string | null;
}

type QueryValue = string | string[] | undefined;

const SLUG = /^[a-z0-9][a-z0-9-]{0,79}$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

function values(raw: QueryValue): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const out: string[] = [];
  for (const item of list) {
    for (const part of item.split(",")) {
      const v = part.trim().toLowerCase();
      if (v && SLUG.test(v) && !out.includes(v)) out.push(v);
    }
  }
  return out.slice(0, 20);
}

/** Parses Next's `searchParams` (or any record of query values). Malformed values are dropped. */
export function parseReaderQuery(query: Record<string, QueryValue>): ReaderQuery {
  const annotationRaw = query.annotation;
  const annotation = (Array.isArray(annotationRaw) ? annotationRaw[0] : annotationRaw)?.trim() ?? "";
  return {
    statuses: values(query.status),
    types: values(query.type),
    annotation: ID.test(annotation) ? annotation : null,
  };
}

export function isFiltered(f: ReaderFilters): boolean {
  return f.statuses.length > 0 || f.types.length > 0;
}

export function matchesFilters(f: ReaderFilters, a: { status: { slug: string }; claimType: { slug: string } }): boolean {
  return (
    (f.statuses.length === 0 || f.statuses.includes(a.status.slug)) &&
    (f.types.length === 0 || f.types.includes(a.claimType.slug))
  );
}

/** The query string (with "?", or "" when empty) for a set of filters; status first, then type. */
export function filterQuery(f: Partial<ReaderFilters>): string {
  const params = new URLSearchParams();
  if (f.statuses?.length) params.set("status", f.statuses.join(","));
  if (f.types?.length) params.set("type", f.types.join(","));
  const s = params.toString().replace(/%2C/g, ",");
  return s ? `?${s}` : "";
}

export interface SummaryEntry {
  slug: string;
  label: string;
  color: string;
  count: number;
  /** True when this value is the current filter. */
  active: boolean;
  /** Query that filters on this value alone (keeping the other dimension), or clears it when already active. */
  href: string;
}

export interface ReaderSummary {
  total: number;
  byStatus: SummaryEntry[];
  byType: SummaryEntry[];
  /** Filter values in the URL that no vocabulary entry has. */
  unknownStatuses: string[];
  unknownTypes: string[];
}

interface VocabEntry {
  slug: string;
  label: string;
  color: string;
}

/** Counts by status and by claim type (in vocabulary order, zero counts left out), each with its filter link. */
export function buildReaderSummary(
  annotations: readonly { status: VocabEntry; claimType: VocabEntry }[],
  vocabulary: { statuses: readonly VocabEntry[]; claimTypes: readonly VocabEntry[] },
  filters: ReaderFilters,
  basePath: string,
): ReaderSummary {
  const statusCounts = new Map<string, number>();
  const typeCounts = new Map<string, number>();
  for (const a of annotations) {
    statusCounts.set(a.status.slug, (statusCounts.get(a.status.slug) ?? 0) + 1);
    typeCounts.set(a.claimType.slug, (typeCounts.get(a.claimType.slug) ?? 0) + 1);
  }
  const entries = (
    vocab: readonly VocabEntry[],
    counts: Map<string, number>,
    fromAnnotation: (a: { status: VocabEntry; claimType: VocabEntry }) => VocabEntry,
    dimension: "statuses" | "types",
  ): SummaryEntry[] => {
    const known = new Map(vocab.map((v) => [v.slug, v]));
    // Values no longer in the vocabulary (deleted) still show, with the label they were approved with.
    for (const a of annotations) {
      const v = fromAnnotation(a);
      if (!known.has(v.slug)) known.set(v.slug, v);
    }
    return [...known.values()]
      .filter((v) => (counts.get(v.slug) ?? 0) > 0)
      .map((v) => {
        const active = filters[dimension].length === 1 && filters[dimension][0] === v.slug;
        const next: ReaderFilters = { ...filters, [dimension]: active ? [] : [v.slug] };
        return { slug: v.slug, label: v.label, color: v.color, count: counts.get(v.slug) ?? 0, active, href: `${basePath}${filterQuery(next)}` };
      });
  };
  const statusSlugs = new Set([...vocabulary.statuses.map((s) => s.slug), ...annotations.map((a) => a.status.slug)]);
  const typeSlugs = new Set([...vocabulary.claimTypes.map((t) => t.slug), ...annotations.map((a) => a.claimType.slug)]);
  return {
    total: annotations.length,
    byStatus: entries(vocabulary.statuses, statusCounts, (a) => a.status, "statuses"),
    byType: entries(vocabulary.claimTypes, typeCounts, (a) => a.claimType, "types"),
    unknownStatuses: filters.statuses.filter((s) => !statusSlugs.has(s)),
    unknownTypes: filters.types.filter((t) => !typeSlugs.has(t)),
  };
}
