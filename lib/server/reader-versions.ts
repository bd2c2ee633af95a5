import "server-only";
import { unstable_cache } from "next/cache";
import { db } from "./db";
import { VOCABULARY_TAG, articleTag } from "./cache";
import { loadVocabulary } from "./vocabulary";
import type { Actor } from "./actors";
import { authorize } from "./authorize";
import { isPlausibleSlug, withCurrentLabels } from "./reader";
import { articleMeta, type AnnotationContentDTO, type ArticleVersionDTO, type OrphanedAnnotationDTO, type PublicAnnotationDTO, type TextRange } from "@/lib/domain/types";
import { standingOnVersion } from "@/lib/reader/versions";
import { buildTextQuoteSelector } from "@/lib/anchoring";

/*
 * "As checked on DATE": an earlier version of a published article's text, with the verdicts that were approved and
 * published while it was current. Read from ArticleVersion and the approved AnnotationRevision rows only (never a
 * draft, never the working copy). Public, cached under the article's tags: a correction or an approval expires it.
 */

export type ArticleVersionView = ArticleVersionDTO;

/** A version, "current" (the article page shows it), or null: no such version, or never public. */
export type ArticleVersionLookup = { kind: "earlier"; view: ArticleVersionView } | { kind: "current" } | null;

const REVISION_RE = /^[1-9][0-9]{0,5}$/;

/** Revision numbers that cannot exist are answered without touching the cache or the database. */
export function parseRevisionParam(value: string): number | null {
  return REVISION_RE.test(value) ? Number(value) : null;
}

async function loadArticleVersion(slug: string, revision: number): Promise<ArticleVersionLookup> {
  const article = await db.article.findFirst({ where: { slug, state: "published" } });
  if (!article || revision > article.revision) return null;
  if (revision === article.revision) return { kind: "current" };
  const [versions, annotations, vocabulary] = await Promise.all([
    db.articleVersion.findMany({ where: { articleId: article.id }, orderBy: { revision: "asc" } }),
    db.annotation.findMany({
      where: { articleId: article.id },
      select: {
        id: true,
        createdAt: true,
        author: { select: { id: true, name: true } },
        revisions: {
          orderBy: { version: "asc" },
          select: { version: true, event: true, start: true, end: true, articleRevision: true, createdAt: true, content: true, approver: { select: { id: true, name: true } } },
        },
      },
    }),
    loadVocabulary(),
  ]);
  const version = versions.find((v) => v.revision === revision);
  const next = versions.find((v) => v.revision === revision + 1);
  // Shown only if readers could have seen it: the article was first published before this version was replaced.
  if (!version || !next || !version.replacedAt || !article.firstPublishedAt || version.replacedAt <= article.firstPublishedAt) return null;

  const texts = versions.map((v) => ({ revision: v.revision, text: v.text, createdAt: v.createdAt.toISOString(), replacedAt: v.replacedAt?.toISOString() ?? null }));
  const shown: PublicAnnotationDTO[] = [];
  const orphaned: OrphanedAnnotationDTO[] = [];
  for (const a of annotations) {
    const rows = a.revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
    const standing = standingOnVersion(rows, texts, revision);
    if (!standing) continue;
    const content = withCurrentLabels(standing.approval.content as unknown as AnnotationContentDTO, vocabulary);
    const approvedAt = standing.approval.createdAt;
    if (standing.kind === "removed") {
      orphaned.push({
        id: a.id,
        quote: standing.quote,
        status: { slug: content.status.slug, label: content.status.label, color: content.status.color },
        claimType: { slug: content.claimType.slug, label: content.claimType.label },
        removedAt: standing.removedAt,
        approvedAt,
        lastRevision: standing.lastRevision,
      });
      continue;
    }
    const quote = buildTextQuoteSelector(version.text, standing.start, standing.end);
    shown.push({
      ...content,
      id: a.id,
      // Not a statement of the current text: the highlight is keyed by the annotation.
      statementId: a.id,
      start: standing.start,
      end: standing.end,
      quote: { exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      author: a.author,
      approver: standing.approval.approver,
      createdAt: a.createdAt.toISOString(),
      modifiedAt: approvedAt,
      approvedAt,
      ...(standing.wordingChange ? { wordingChange: standing.wordingChange } : {}),
    });
  }
  shown.sort((x, y) => x.start - y.start || x.end - y.end);
  return {
    kind: "earlier",
    view: {
      article: {
        ...articleMeta(article),
        text: version.text,
        emphasis: version.emphasis as unknown as TextRange[],
        contentHash: version.contentHash,
        revision: version.revision,
        revisionCreatedAt: version.createdAt.toISOString(),
        publishedAt: article.firstPublishedAt.toISOString(),
        updatedAt: version.replacedAt.toISOString(),
      },
      version: { revision, createdAt: version.createdAt.toISOString(), replacedAt: version.replacedAt.toISOString(), reason: version.reason },
      replacedBy: { revision: next.revision, reason: next.reason },
      currentRevision: article.revision,
      annotations: shown,
      orphaned,
    },
  };
}

/** Public: version `revision` of a published article as it was checked, "current" for the current text, else null. */
export async function getArticleVersion(actor: Actor, slug: string, revision: number): Promise<ArticleVersionLookup> {
  authorize(actor, "read_published");
  if (!isPlausibleSlug(slug) || !Number.isInteger(revision) || revision < 1 || revision > 999_999) return null;
  return unstable_cache(loadArticleVersion, ["reader:version", slug, String(revision)], { tags: [articleTag(slug), VOCABULARY_TAG] })(slug, revision);
}
