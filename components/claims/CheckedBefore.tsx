import Link from "next/link";
import type { ClaimLinkDTO, ClaimSuggestionDTO } from "@/lib/contracts/claims";
import { StatusBadge, shortQuote } from "@/components/reader/AnnotationDetails";
import { formatTimestampDate } from "@/lib/format/dates";
import { ClaimDecisionButton } from "./ClaimDecisionButton";

/**
 * "Checked before?": earlier approved annotations whose claim matches the open statement, with what the reviewer
 * needs to decide (score, verdict, date, speaker, same origin or not, near-miss reasons), and the decisions taken.
 */
export function CheckedBefore({
  articleId,
  annotationId,
  annotationVersion,
  suggestions,
  links,
}: {
  articleId: string;
  /** The open statement's annotation; decisions need one (save the annotation first). */
  annotationId: string | null;
  /** The open annotation's version (for "Same claim, and copy its chain and evidence"). */
  annotationVersion?: number;
  suggestions: ClaimSuggestionDTO[];
  links: ClaimLinkDTO[];
}) {
  const decided = links.filter((l) => !suggestions.some((s) => s.annotationId === l.annotationId && l.relation === "same"));
  if (suggestions.length === 0 && decided.length === 0) return null;
  return (
    <section aria-labelledby="checked-before-heading" className="space-y-3 rounded border border-violet-300 bg-violet-50 p-3" data-testid="checked-before">
      <h2 id="checked-before-heading" className="text-base font-semibold text-violet-950">
        Checked before?
      </h2>
      {suggestions.length > 0 ? (
        <ol className="space-y-3">
          {suggestions.map((s) => (
            <li key={s.annotationId} className="space-y-1 rounded border border-violet-200 bg-white p-2 text-sm" data-testid="claim-suggestion">
              <blockquote className="font-serif text-stone-900">{shortQuote(s.quote, 220)}</blockquote>
              <p className="flex flex-wrap items-center gap-x-2 gap-y-1 text-stone-700">
                {s.verdict ? <StatusBadge label={s.verdict.label} color={s.verdict.color} /> : null}
                <span>match {Math.round(s.score * 100)}%</span>
                {s.speakerName ? <span>· {s.speakerName}</span> : null}
                {s.approvedAt ? <span>· checked {formatTimestampDate(s.approvedAt)}</span> : null}
              </p>
              <p className="text-stone-700">
                {s.sameArticle ? "Another statement of this article" : "In "}
                {s.sameArticle ? null : s.article.published ? (
                  <Link href={`/articles/${s.article.slug}?annotation=${s.annotationId}`} className="underline">
                    {s.article.title}
                  </Link>
                ) : (
                  <Link href={`/review/articles/${s.article.id}`} className="underline">
                    {s.article.title} (not published)
                  </Link>
                )}
                {" · "}
                {s.sameOrigin === null ? (s.origin ? `origin: ${s.origin}` : "no chain recorded") : s.sameOrigin ? `same origin (${s.origin})` : `different origin (${s.origin})`}
              </p>
              {s.nearMiss.length > 0 ? (
                <p className="text-amber-900" data-testid="near-miss">
                  Maybe not the same claim: {s.nearMiss.map((r) => r.detail).join("; ")}.
                </p>
              ) : null}
              <div className="flex flex-wrap gap-2 pt-1">
                {!annotationId ? (
                  <span className="text-stone-600">Save an annotation for this statement to link or dismiss it.</span>
                ) : s.linked ? (
                  <>
                    <span className="font-medium text-violet-950">Linked as the same claim.</span>
                    <ClaimDecisionButton articleId={articleId} annotationId={annotationId} otherAnnotationId={s.annotationId} relation="undo" label="Undo" />
                  </>
                ) : (
                  <>
                    <ClaimDecisionButton articleId={articleId} annotationId={annotationId} otherAnnotationId={s.annotationId} relation="same" label="Same claim" />
                    {s.verdict ? (
                      <ClaimDecisionButton
                        articleId={articleId}
                        annotationId={annotationId}
                        otherAnnotationId={s.annotationId}
                        relation="same"
                        copyChain
                        version={annotationVersion}
                        label="Same claim, and copy its source chain and evidence"
                      />
                    ) : null}
                    <ClaimDecisionButton articleId={articleId} annotationId={annotationId} otherAnnotationId={s.annotationId} relation="different" label="Different claim" />
                  </>
                )}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {annotationId && decided.length > 0 ? (
        <div className="space-y-1 text-sm">
          <h3 className="font-medium text-violet-950">Your desk’s decisions</h3>
          <ul className="space-y-1">
            {decided.map((l) => (
              <li key={l.annotationId} className="flex flex-wrap items-center gap-2">
                <span>
                  {l.relation === "same" ? "Same claim as" : "Different claim from"} “{shortQuote(l.quote, 80)}” in{" "}
                  <Link href={`/review/articles/${l.article.id}`} className="underline">
                    {l.article.title}
                  </Link>
                  {l.verdictLabel ? ` (${l.verdictLabel})` : ""}
                </span>
                <ClaimDecisionButton articleId={articleId} annotationId={annotationId} otherAnnotationId={l.annotationId} relation="undo" label="Undo" />
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
