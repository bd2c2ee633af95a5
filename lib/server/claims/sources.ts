import "server-only";
import { db } from "../db";
import type { Actor } from "../actors";
import { authorize } from "../authorize";
import { isPlausibleId } from "../reader";
import { newestWithSourceKeys } from "./search-sql";
import { normaliseName } from "@/lib/provenance/names";
import type { AnnotationContentDTO, SourceKind } from "@/lib/domain/types";

export interface SourceStatementDTO {
  annotationId: string;
  quote: string;
  /** How the source takes part: the claim is attributed to it (speaker), it is the chain's origin, or it relayed it. */
  roles: ("speaker" | "origin" | "relay")[];
  verdict: { slug: string; label: string; color: string };
  speakerName: string | null;
  claimDate: string | null;
  article: { slug: string; title: string; outlet: string | null; publishedDate: string | null };
  approvedAt: string;
  permalink: string;
}

export interface SourcePageDTO {
  /** mergedIntoId: set when an admin merged this source into another; its page then redirects there (and lists nothing). */
  source: { id: string; name: string; kind: SourceKind; url: string | null; date: string | null; mergedIntoId: string | null };
  statements: SourceStatementDTO[];
  /** Statements per verdict slug, with the label and colour. */
  verdicts: { slug: string; label: string; color: string; count: number }[];
  articles: { slug: string; title: string; outlet: string | null; publishedDate: string | null; statements: number }[];
  /** The earliest dated appearance we have: a hop date of this source, a claim date, or an article date. */
  firstAppearance: { date: string; article: { slug: string; title: string } } | null;
}

/** A source page lists the newest this many statements. */
const MAX_STATEMENTS = 500;

interface Row {
  id: string;
  approvedQuote: string;
  approvedSnapshot: unknown;
  approvedAt: Date;
  slug: string;
  title: string;
  outlet: string | null;
  publishedDate: string | null;
}

/**
 * Public: a source's page. Statements of published articles (approved content only) whose approved chain passes
 * through this source (by id, or by the same name: the editor makes a new Source record for a typed name), or
 * whose speaker is this source's name — found newest first through "AnnotationSourceKey" (search-sql.ts). Sources an
 * admin merged into this one count as this one (by id and by name): approved chains keep the ids they were approved with.
 */
export async function getSourcePage(actor: Actor, id: string, opts: { maxStatements?: number } = {}): Promise<SourcePageDTO | null> {
  authorize(actor, "read_published");
  if (!isPlausibleId(id)) return null;
  const source = await db.source.findUnique({
    where: { id },
    select: { id: true, name: true, kind: true, url: true, date: true, mergedIntoId: true, mergedFrom: { select: { id: true, name: true } } },
  });
  if (!source) return null;
  const { mergedFrom, ...shown } = source;
  const empty = { source: { ...shown, kind: shown.kind as SourceKind }, statements: [], verdicts: [], articles: [], firstAppearance: null };
  if (source.mergedIntoId) return empty;
  const ids = [source.id, ...mergedFrom.map((m) => m.id)];
  const names = [...new Set([source.name, ...mergedFrom.map((m) => m.name)].map((n) => n.toLowerCase()))];
  const sourceKeys = [...ids.map((i) => `id:${i}`), ...names.flatMap((n) => [`name:${n}`, `speaker:${n}`])];
  const rows = await newestStatementsWithKeys(sourceKeys, opts.maxStatements ?? MAX_STATEMENTS);
  const keys = new Set([source.name, ...mergedFrom.map((m) => m.name)].map(normaliseName));
  const sameSource = (s: { id?: string; name: string }) => (s.id !== undefined && ids.includes(s.id)) || keys.has(normaliseName(s.name));
  const statements: SourceStatementDTO[] = [];
  const verdicts = new Map<string, { slug: string; label: string; color: string; count: number }>();
  const articles = new Map<string, SourcePageDTO["articles"][number]>();
  let first: SourcePageDTO["firstAppearance"] = null;
  for (const r of rows) {
    const c = r.approvedSnapshot as AnnotationContentDTO;
    const chain = [...c.chain].sort((x, y) => x.position - y.position);
    const roles: SourceStatementDTO["roles"] = [];
    if (c.speakerName && keys.has(normaliseName(c.speakerName))) roles.push("speaker");
    chain.forEach((h, i) => {
      if (!sameSource(h.source)) return;
      const role = i === 0 ? "origin" : "relay";
      if (!roles.includes(role)) roles.push(role);
    });
    if (roles.length === 0) continue;
    statements.push({
      annotationId: r.id,
      quote: r.approvedQuote,
      roles,
      verdict: { slug: c.status.slug, label: c.status.label, color: c.status.color },
      speakerName: c.speakerName,
      claimDate: c.claimDate,
      article: { slug: r.slug, title: r.title, outlet: r.outlet, publishedDate: r.publishedDate },
      approvedAt: r.approvedAt.toISOString(),
      permalink: `/articles/${encodeURIComponent(r.slug)}?annotation=${encodeURIComponent(r.id)}`,
    });
    const v = verdicts.get(c.status.slug) ?? { slug: c.status.slug, label: c.status.label, color: c.status.color, count: 0 };
    v.count++;
    verdicts.set(c.status.slug, v);
    const art = articles.get(r.slug) ?? { slug: r.slug, title: r.title, outlet: r.outlet, publishedDate: r.publishedDate, statements: 0 };
    art.statements++;
    articles.set(r.slug, art);
    const dates = [c.claimDate, r.publishedDate, ...chain.filter((h) => sameSource(h.source)).map((h) => h.source.date)].filter((d): d is string => !!d);
    for (const date of dates) if (!first || date < first.date) first = { date, article: { slug: r.slug, title: r.title } };
  }
  return {
    ...empty,
    statements,
    verdicts: [...verdicts.values()].sort((x, y) => y.count - x.count || x.label.localeCompare(y.label)),
    articles: [...articles.values()],
    firstAppearance: first,
  };
}

/**
 * The newest `max` statements of published articles, approved content only, having any of the keys. The newest
 * statements with the keys are read first, a fifth more than wanted; those of unpublished articles drop out, so when
 * that leaves less than `max` and there are more, four times as many are read, and so on.
 */
async function newestStatementsWithKeys(sourceKeys: string[], max: number): Promise<Row[]> {
  for (let candidates = Math.ceil(max * 1.2); ; candidates *= 4) {
    const newest = await db.$queryRaw<{ annotationId: string }[]>`${newestWithSourceKeys(sourceKeys, candidates)}`;
    const found = await db.$queryRaw<Row[]>`
      SELECT a."id", a."approvedQuote", a."approvedSnapshot", a."approvedAt", ar."slug", ar."title", ar."outlet", ar."publishedDate"
      FROM "Annotation" a JOIN "Article" ar ON ar."id" = a."articleId"
      WHERE a."id" = ANY(${newest.map((n) => n.annotationId)}::text[])
        AND ar."state" = 'published' AND a."approvedSnapshot" IS NOT NULL AND a."approvedQuote" IS NOT NULL AND a."approvedAt" IS NOT NULL
      ORDER BY a."approvedAt" DESC, a."id" DESC
      LIMIT ${max}`;
    if (found.length >= max || newest.length < candidates) return found;
  }
}
