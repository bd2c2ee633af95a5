import Link from "next/link";
import type { ArticleCorrectionDTO, OrphanedAnnotationDTO, WordingChangeDTO } from "@/lib/domain/types";
import { formatTimestampDate } from "@/lib/format/dates";

/** "Article corrected on DATE", with a link to the word-level changes. */
export function CorrectedNotice({ corrections, basePath }: { corrections: ArticleCorrectionDTO[]; basePath: string }) {
  const last = corrections.at(-1);
  if (!last) return null;
  return (
    <p className="rounded-md border border-blue-300 bg-blue-50 px-3 py-2 text-sm text-stone-900" data-testid="corrected-notice">
      Article corrected on {formatTimestampDate(last.correctedAt)}
      {last.reason ? `: ${last.reason}` : "."}{" "}
      <Link href={`${basePath}/changes`} className="text-blue-800 underline">
        See what changed
      </Link>
      {last.replacedPublicVersion ? (
        <>
          {" · "}
          <Link href={`${basePath}/versions/${last.revision - 1}`} className="text-blue-800 underline" data-testid="as-checked-link">
            The article as checked before the correction
          </Link>
        </>
      ) : null}
    </p>
  );
}

/** The last approved verdict shown on new wording that no reviewer has confirmed yet. */
export function WordingChangeNote({ change }: { change: WordingChangeDTO }) {
  return (
    <div className="mt-2 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-stone-900" data-testid="wording-changed">
      <p>
        <strong>The article’s wording changed on {formatTimestampDate(change.changedAt)}; under re-review.</strong> The verdict below was given on the earlier
        wording.
      </p>
      <p className="mt-1">
        Before: <del>“{change.previousQuote}”</del>
      </p>
      <p>
        Now: <ins>“{change.currentQuote}”</ins>
      </p>
    </div>
  );
}

/** Approved annotations whose statement a correction removed: never highlighted, listed with the old quote. */
export function StatementsNoLongerInArticle({ orphaned, openId, basePath, title = "Statements no longer in the article" }: { orphaned: OrphanedAnnotationDTO[]; openId: string | null; basePath: string; title?: string }) {
  if (orphaned.length === 0) return null;
  return (
    <section aria-labelledby="orphans-title" className="rounded-lg border border-stone-300 bg-white p-4 text-sm" data-testid="orphans">
      <h2 id="orphans-title" className="mb-2 font-semibold text-stone-900">
        {title}
      </h2>
      <p className="mb-2 text-stone-700">The outlet removed these statements in a correction. Our verdicts on them stand as they were given.</p>
      <ul className="space-y-3">
        {orphaned.map((o) => (
          <li key={o.id} id={`orphan-${o.id}`} data-open={o.id === openId ? "true" : undefined} className={o.id === openId ? "rounded outline outline-2 outline-amber-500" : undefined}>
            <blockquote className="border-l-4 border-stone-300 pl-2 italic">“{o.quote}”</blockquote>
            <p className="mt-1">
              Verdict: <strong>{o.status.label}</strong> · {o.claimType.label} · removed from the article on {formatTimestampDate(o.removedAt)}
              {o.lastRevision !== null ? (
                <>
                  {" · "}
                  <Link href={`${basePath}/versions/${o.lastRevision}#h-${o.id}`} className="text-blue-800 underline" data-testid="orphan-as-checked">
                    as checked then
                  </Link>
                </>
              ) : null}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
