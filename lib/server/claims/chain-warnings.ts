import "server-only";
import { db } from "../db";
import type { Actor } from "../actors";
import { authorize } from "../authorize";
import { NotFoundError } from "../errors";
import { runChainChecks, type ChainWarning } from "@/lib/provenance/chain-checks";
import type { SourceKind, SpeakerKind } from "@/lib/domain/types";

/** What the chain checks read of an annotation row loaded with ANNOTATION_CONTENT_INCLUDE (or an approved snapshot). */
export interface ChainCheckRow {
  attributionText: string | null;
  speakerName: string | null;
  speakerKind: string | null;
  chain: readonly { position: number; source: { id?: string | null; name: string; kind: string; date: string | null } }[];
}

/** The five chain checks (lib/provenance/chain-checks.ts) on an annotation as stored, against its article's outlet and date. */
export function chainWarningsOf(a: ChainCheckRow, article: { outlet: string | null; publishedDate: string | null }): ChainWarning[] {
  const chain = [...a.chain]
    .sort((x, y) => x.position - y.position)
    .map((h) => ({ source: { id: h.source.id ?? null, name: h.source.name, kind: h.source.kind as SourceKind, date: h.source.date } }));
  return runChainChecks(
    { attributionText: a.attributionText, speakerName: a.speakerName, speakerKind: (a.speakerKind as SpeakerKind | null) ?? null, chain },
    { outlet: article.outlet, publishedDate: article.publishedDate },
  );
}

/** Reviewer: the chain warnings of an annotation's working copy (what the approver must acknowledge). */
export async function getChainWarnings(actor: Actor, annotationId: string): Promise<ChainWarning[]> {
  authorize(actor, "edit");
  const a = await db.annotation.findUnique({
    where: { id: annotationId },
    select: {
      attributionText: true,
      speakerName: true,
      speakerKind: true,
      chain: { select: { position: true, source: { select: { id: true, name: true, kind: true, date: true } } } },
      article: { select: { outlet: true, publishedDate: true } },
    },
  });
  if (!a) throw new NotFoundError("Annotation");
  return chainWarningsOf(a, a.article);
}
