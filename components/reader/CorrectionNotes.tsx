import Link from "next/link";
import type { ArticleCorrectionDTO, OrphanedAnnotationDTO, WithdrawnAnnotationDTO, WordingChangeDTO } from "@/lib/domain/types";
import type { VerdictChange } from "@/lib/reader/history";
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

/** The permalink of a withdrawn verdict: what it was, when it was removed and why. */
export function RemovedPermalinkNotice({ withdrawn }: { withdrawn: WithdrawnAnnotationDTO }) {
  return (
    <div className="rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-stone-900" data-testid="removed-permalink">
      <p>
        <strong>This verdict was removed on {formatTimestampDate(withdrawn.removedAt)}:</strong> <span className="whitespace-pre-wrap">{withdrawn.reason}</span>
      </p>
      <p className="mt-1">
        It was “{withdrawn.status.label}” ({withdrawn.claimType.label}) on the statement <q className="italic">{withdrawn.quote}</q>. Two reviewers confirmed the
        removal; it is listed under <a href={`#withdrawn-${withdrawn.id}`} className="text-blue-800 underline">Withdrawn verdicts</a> and in the{" "}
        <Link href="/corrections" className="text-blue-800 underline">
          corrections log
        </Link>
        .
      </p>
    </div>
  );
}

/** Approved verdicts two reviewers withdrew: never highlighted, listed with their public history and the reason. */
export function WithdrawnVerdicts({ withdrawn, history, openId }: { withdrawn: WithdrawnAnnotationDTO[]; history: Record<string, VerdictChange[]>; openId: string | null }) {
  if (withdrawn.length === 0) return null;
  return (
    <section aria-labelledby="withdrawn-title" className="rounded-lg border border-stone-300 bg-white p-4 text-sm" data-testid="withdrawn">
      <h2 id="withdrawn-title" className="mb-2 font-semibold text-stone-900">
        Withdrawn verdicts
      </h2>
      <p className="mb-2 text-stone-700">We withdrew these verdicts after publishing them. Each removal was confirmed by a second reviewer.</p>
      <ul className="space-y-3">
        {withdrawn.map((w) => (
          <li key={w.id} id={`withdrawn-${w.id}`} data-open={w.id === openId ? "true" : undefined} className={w.id === openId ? "rounded outline outline-2 outline-amber-500" : undefined}>
            <blockquote className="border-l-4 border-stone-300 pl-2 italic">“{w.quote}”</blockquote>
            <ol className="mt-1 space-y-0.5" aria-label="Verdict history">
              {(history[w.id] ?? []).map((h) => (
                <li key={h.at + h.to.slug}>
                  <time dateTime={h.at}>{formatTimestampDate(h.at)}</time>: {h.from ? <>verdict changed from <strong>{h.from.label}</strong> to </> : <>verdict published: </>}
                  <strong>{h.to.label}</strong>
                </li>
              ))}
              <li>
                <time dateTime={w.removedAt}>{formatTimestampDate(w.removedAt)}</time>: verdict <strong>{w.status.label}</strong> withdrawn.{" "}
                <span className="whitespace-pre-wrap">Reason: {w.reason}</span>
              </li>
            </ol>
          </li>
        ))}
      </ul>
    </section>
  );
}
