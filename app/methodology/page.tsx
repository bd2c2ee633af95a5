import type { Metadata } from "next";
import Link from "next/link";
import { getReaderVocabulary } from "@/lib/server/reader";
import { anonymousReader } from "@/lib/server/actors";
import { countCorrectionsLastYear } from "@/lib/server/corrections-log";
import { readerReportStats } from "@/lib/server/reader-reports";
import { formatDuration } from "@/lib/reports/triage";
import { EMAIL_RETENTION_DAYS } from "@/lib/contracts/reader-reports";
import { CLAIM_REVIEW_BEST_RATING, CLAIM_REVIEW_WORST_RATING } from "@/lib/vocabulary/defaults";

/** Rendered per request from the cached vocabulary (tag `vocabulary`), so an admin's edit shows at once. */
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "How we check claims",
  description: "How Provenance reviewers reach a verdict, and what every verification status and claim type means.",
};

export default async function MethodologyPage() {
  const [{ statuses, claimTypes }, correctionsLastYear, reports] = await Promise.all([
    getReaderVocabulary(anonymousReader()),
    countCorrectionsLastYear(anonymousReader()),
    readerReportStats(anonymousReader()),
  ]);
  const activeStatuses = statuses.filter((s) => !s.retired);
  const activeTypes = claimTypes.filter((t) => !t.retired);
  const retired = [...statuses.filter((s) => s.retired), ...claimTypes.filter((t) => t.retired)];
  return (
    <div className="max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-bold text-stone-900">How we check claims</h1>
        <p className="text-stone-700">
          Every sourced statement in an article we publish is tagged with who said it, the chain of sources it travelled
          through, what kind of claim it is and a verdict. This page is generated from the same lists our reviewers use, so it
          always matches what you see on the articles.
        </p>
      </header>

      <section aria-labelledby="process" className="space-y-2">
        <h2 id="process" className="font-serif text-2xl font-semibold">
          How a verdict is reached
        </h2>
        <ol className="list-decimal space-y-2 pl-6 text-stone-800">
          <li>
            A reviewer marks the statement, records the attribution the article gives (“a spokesperson said”), the speaker it
            points to, and the provenance chain: the original speaker or document, every outlet that relayed it, then the
            article.
          </li>
          <li>
            The reviewer looks for the original source and independent evidence, links each piece of evidence with whether it
            supports, refutes or gives context to the claim, and writes a rationale.
          </li>
          <li>
            A second reviewer — never the author of the annotation — checks the work and approves it. Only approved annotations
            are shown to readers, and every change of verdict is shown in the statement’s history.
          </li>
          <li>
            Verdicts with a rating are also published as schema.org <code>ClaimReview</code> data (rated from{" "}
            {CLAIM_REVIEW_WORST_RATING}, worst, to {CLAIM_REVIEW_BEST_RATING}, best) so search engines and other fact-checkers can
            read them; statuses without a rating are never presented as rated.
          </li>
        </ol>
      </section>

      <section aria-labelledby="statuses" className="space-y-3">
        <h2 id="statuses" className="font-serif text-2xl font-semibold">
          Verdicts
        </h2>
        <p className="text-stone-700">The highlight colour of a statement shows its verdict.</p>
        <table className="w-full border-collapse text-sm" data-testid="methodology-statuses">
          <caption className="sr-only">Verification statuses with their colour, rating and meaning</caption>
          <thead>
            <tr className="border-b border-stone-400 text-left">
              <th scope="col" className="py-2 pr-3">Verdict</th>
              <th scope="col" className="py-2 pr-3">Rating</th>
              <th scope="col" className="py-2">Meaning</th>
            </tr>
          </thead>
          <tbody>
            {activeStatuses.map((s) => (
              <tr key={s.slug} id={`status-${s.slug}`} className="border-b border-stone-200 align-top">
                <th scope="row" className="py-2 pr-3 text-left font-medium">
                  <span aria-hidden="true" className="mr-2 inline-block h-4 w-6 rounded border border-stone-500 align-middle" style={{ background: s.color }} />
                  {s.label}
                </th>
                <td className="py-2 pr-3">
                  {s.rating === null ? "Not rated" : `${s.rating} of ${CLAIM_REVIEW_BEST_RATING}`}
                </td>
                <td className="py-2">{s.description || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="types" className="space-y-3">
        <h2 id="types" className="font-serif text-2xl font-semibold">
          Claim types
        </h2>
        <p className="text-stone-700">The tag after a highlighted statement shows what kind of claim it is.</p>
        <dl className="space-y-3" data-testid="methodology-claim-types">
          {activeTypes.map((t) => (
            <div key={t.slug} id={`type-${t.slug}`}>
              <dt className="font-medium">
                <span className="highlight-tag !ml-0 mr-2">{t.shortLabel}</span>
                {t.label}
              </dt>
              <dd className="text-stone-700">{t.description || "—"}</dd>
            </div>
          ))}
        </dl>
      </section>

      {retired.length > 0 ? (
        <section aria-labelledby="retired" className="space-y-2">
          <h2 id="retired" className="font-serif text-xl font-semibold">
            No longer used
          </h2>
          <p className="text-sm text-stone-700">
            These labels are no longer given to new statements but may still appear on older fact-checks:{" "}
            {retired.map((r) => r.label).join(", ")}.
          </p>
        </section>
      ) : null}

      <section aria-labelledby="data" className="space-y-2">
        <h2 id="data" className="font-serif text-2xl font-semibold">
          Open data
        </h2>
        <p className="text-stone-700">
          Every published article’s annotations are available without an account as W3C Web Annotations, schema.org
          ClaimReview and CSV — see the “Open data” box on each article, or start at{" "}
          {/* oxlint-disable-next-line nextjs/no-html-link-for-pages -- a JSON endpoint, not a page: a full load is right */}
          <a href="/api/v1/articles" className="text-blue-800 underline">
            /api/v1/articles
          </a>
          .
        </p>
        <p>
          <Link href="/" className="text-blue-800 underline">
            Browse the fact-checked articles
          </Link>
        </p>
      </section>
      <section aria-labelledby="corrections" className="space-y-2">
        <h2 id="corrections" className="font-serif text-2xl font-semibold">
          Corrections policy
        </h2>
        <p className="text-stone-800">
          When an outlet corrects an article we checked, we record the new version and keep the old one. Statements whose wording stayed the same keep their
          verdict. A statement whose wording changed keeps its last verdict, marked as under re-review, until a second reviewer confirms it on the new
          wording. A statement the outlet removed is listed under “Statements no longer in the article” with its old wording and verdict; it is never
          highlighted on text it no longer matches. When we change a published verdict or withdraw a fact-check, it is listed too: a
          verdict is withdrawn only when a second reviewer confirms the removal, and its link then says when and why it was removed.
        </p>
        <p className="text-stone-800" data-testid="corrections-count">
          Corrections in the last 12 months: <strong>{correctionsLastYear}</strong>. Every one is in the{" "}
          <Link href="/corrections" className="text-blue-800 underline">
            public corrections log
          </Link>
          , with its date and reason.
        </p>
        <p className="text-stone-800">
          Readers can report a problem with any fact-check (“Report a problem” under each one): a wrong verdict or attribution, an earlier source, a dead
          evidence link or anything else. A reviewer reads every report and acknowledges, accepts or declines it; a declined report is given its reason. The
          reader follows their report through a private link. An email address, if the reader gives one, is seen only by our reviewers and is erased{" "}
          {EMAIL_RETENTION_DAYS} days after the report is closed. A correction a report led to is marked “Reported by a reader” in the log.
        </p>
        <p className="text-stone-800" data-testid="report-counts">
          In the last 12 months: reader reports received <strong>{reports.received}</strong>, accepted <strong>{reports.accepted}</strong>, declined{" "}
          <strong>{reports.declined}</strong>; median time to triage{" "}
          <strong>{reports.medianTriageMs === null ? "not yet measured (no report triaged)" : formatDuration(reports.medianTriageMs)}</strong>.
        </p>
      </section>
    </div>
  );
}
