import "server-only";
import type { Tx } from "../db";
import type { DuplicateArticleDTO } from "@/lib/contracts/claims";

/**
 * Articles already on the desk (draft or published) with the same normalised text (content hash) or the same
 * original URL. A correction of an existing article goes through the corrections flow, not the importer, so it is
 * never warned here.
 */
export async function findDuplicateArticles(tx: Pick<Tx, "article">, contentHash: string, originalUrl: string | null): Promise<DuplicateArticleDTO[]> {
  const rows = await tx.article.findMany({
    where: { OR: [{ contentHash }, ...(originalUrl ? [{ originalUrl }] : [])] },
    select: { id: true, slug: true, title: true, state: true, contentHash: true, originalUrl: true },
    orderBy: { createdAt: "asc" },
    take: 10,
  });
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    title: r.title,
    state: r.state,
    matched: [...(r.contentHash === contentHash ? (["text"] as const) : []), ...(originalUrl && r.originalUrl === originalUrl ? (["url"] as const) : [])],
  }));
}
