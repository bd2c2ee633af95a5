import Link from "next/link";
import type { ArticleCorrectionDTO, OrphanedAnnotationDTO, PublicAnnotationDTO, PublicArticleDTO, WithdrawnAnnotationDTO } from "@/lib/domain/types";
import type { ClaimTypeDTO, VerificationStatusDTO } from "@/lib/domain/types";
import { annotationPermalink, articleAnnotationsApiUrl, toClaimReviews, toJsonLdScriptContent, type ClaimAppearanceArticle, type ExportContext } from "@/lib/export";
import { formatTimestampDate } from "@/lib/format/dates";
import { buildReaderSummary, filterQuery, isFiltered, matchesFilters, type ReaderQuery } from "@/lib/reader/filters";
import type { VerdictChange } from "@/lib/reader/history";
import { reportProblemPath } from "@/lib/contracts/reader-reports";
import { AnnotationDetails } from "./AnnotationDetails";
import { ArticleHeading } from "./ArticleHeading";
import { ArticleText } from "./ArticleText";
import { HighlightKeys } from "./HighlightKeys";
import { Legend } from "./Legend";
import { ReaderSummary } from "./ReaderSummary";
import { CorrectedNotice, RemovedPermalinkNotice, StatementsNoLongerInArticle, WithdrawnVerdicts } from "./CorrectionNotes";

export interface ReaderViewProps {
  article: PublicArticleDTO;
  annotations: PublicAnnotationDTO[];
  vocabulary: { statuses: VerificationStatusDTO[]; claimTypes: ClaimTypeDTO[] };
  history: Record<string, VerdictChange[]>;
  /** Filters and the annotation to open, from the URL; empty for the plain (cached) article page. */
  query: ReaderQuery;
  ctx: ExportContext;
  exports: { claimReview: string; csv: string };
  /** Approved annotations whose text a correction removed (listed, never highlighted). */
  orphaned?: OrphanedAnnotationDTO[];
  /** Approved verdicts two reviewers withdrew (listed with the reason, never highlighted). */
  withdrawn?: WithdrawnAnnotationDTO[];
  corrections?: ArticleCorrectionDTO[];
  /** Per annotation id: the other published articles where the same claim was checked. */
  appearances?: Record<string, (ClaimAppearanceArticle & { annotationId: string })[]>;
}

/** The reader page: summary with filter links, the highlighted text, the details aside, print notes and JSON-LD. */
export function ReaderView({ article, annotations, vocabulary, history, query, ctx, exports, orphaned = [], withdrawn = [], corrections = [], appearances = {} }: ReaderViewProps) {
  const basePath = `/articles/${encodeURIComponent(article.slug)}`;
  const filtered = isFiltered(query);
  const noteNumbers = new Map(annotations.map((a, i) => [a.id, i + 1]));
  const shown = filtered ? annotations.filter((a) => matchesFilters(query, a)) : annotations;
  const visible = filtered ? new Set(shown.map((a) => a.id)) : undefined;
  const openId = query.annotation && noteNumbers.has(query.annotation) ? query.annotation : null;
  const openOrphan = query.annotation ? orphaned.find((o) => o.id === query.annotation) : undefined;
  const openWithdrawn = query.annotation ? withdrawn.find((w) => w.id === query.annotation) : undefined;
  // The open annotation's details are rendered even when a filter hides its highlight.
  const detailed = openId && visible && !visible.has(openId) ? [...shown, annotations.find((a) => a.id === openId)!] : shown;
  const summary = buildReaderSummary(annotations, vocabulary, query, basePath);
  const currentQuery = filterQuery(query);
  const usedStatuses = vocabulary.statuses.filter((s) => !s.retired || summary.byStatus.some((e) => e.slug === s.slug));
  const usedTypes = vocabulary.claimTypes.filter((t) => !t.retired || summary.byType.some((e) => e.slug === t.slug));
  const claimReviews = toClaimReviews(ctx, article, annotations, { appearances });

  return (
    <article lang={article.language} className="reader flex flex-col gap-6" data-filtered={filtered ? "true" : undefined}>
      <HighlightKeys />
      {claimReviews.length > 0 ? (
        // JSON, escaped by toJsonLdScriptContent so no text can close the script element.
        <script type="application/ld+json" id="claim-reviews" dangerouslySetInnerHTML={{ __html: toJsonLdScriptContent(claimReviews) }} />
      ) : null}
      <header className="space-y-3">
        <p className="no-print text-sm text-stone-700">
          <Link href="/" className="hover:underline">
            ← All articles
          </Link>
        </p>
        <ArticleHeading article={article}>{article.publishedAt ? ` · Fact-check published ${formatTimestampDate(article.publishedAt)}` : null}</ArticleHeading>
        <p className="print-only text-sm">
          Fact-check: {ctx.baseUrl}
          {basePath}
        </p>
        <CorrectedNotice corrections={corrections} basePath={basePath} />
        {query.annotation && openOrphan ? (
          <p className="no-print rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-stone-900" data-testid="orphan-permalink">
            The statement this link points to is no longer in the article: a correction removed it. Our verdict on it ({openOrphan.status.label}) is listed
            under <a href={`#orphan-${openOrphan.id}`} className="text-blue-800 underline">Statements no longer in the article</a>, with its old wording.
          </p>
        ) : null}
        {openWithdrawn ? <RemovedPermalinkNotice withdrawn={openWithdrawn} /> : null}
        {query.annotation && !openId && !openOrphan && !openWithdrawn ? (
          <p className="no-print rounded-md border border-amber-400 bg-amber-50 px-3 py-2 text-sm text-stone-900" data-testid="stale-permalink">
            The statement this link points to is no longer annotated here: the annotation may have been withdrawn or the
            article corrected. The article is shown with every statement that is sourced now.
          </p>
        ) : null}
        <p className="no-print text-sm text-stone-700 md:hidden" data-testid="phone-intro">
          Tap a highlighted statement to see who said it, its sources and the verdict.{" "}
          {summary.total > 0 ? (
            <a href="#filters" className="text-blue-800 underline">
              {filtered ? `Showing ${shown} of ${summary.total}` : `${summary.total} sourced statements`}: filters below the article
            </a>
          ) : null}
        </p>
      </header>
      {/* On a phone this block follows the article text (see .reader in globals.css), so the first screen shows a statement. */}
      <div id="filters" className="reader-intro space-y-3 md:-mt-3">
        <ReaderSummary summary={summary} shown={shown.length} filtered={filtered} clearHref={basePath} />
        <p className="no-print text-sm text-stone-700">
          Select a highlighted statement (click, or Tab then Enter; <kbd>j</kbd>/<kbd>k</kbd> move between statements) to see who said
          it, the chain of sources and the verdict.{" "}
          <Link href="/methodology" className="text-blue-800 underline">
            How we check claims
          </Link>
        </p>
      </div>

      <div className="grid gap-8 md:grid-cols-[minmax(0,1fr)_22rem]">
        <ArticleText text={article.text} emphasis={article.emphasis} annotations={annotations} noteNumbers={noteNumbers} visible={visible} />
        <aside aria-label="Statement details (printed as notes)" className="annotation-panel space-y-4 md:sticky md:top-4 md:max-h-[calc(100vh-2rem)] md:self-start md:overflow-y-auto">
          <p className="annotation-placeholder no-print rounded-lg border border-dashed border-stone-400 bg-white p-4 text-sm text-stone-700">
            Select a highlighted statement to see its attribution, source chain, verdict and evidence.
          </p>
          {detailed.map((a) => (
            <AnnotationDetails
              key={a.id}
              annotation={a}
              index={noteNumbers.get(a.id)!}
              permalink={annotationPermalink(ctx, article.slug, a.id)}
              reportHref={reportProblemPath(article.slug, a.id)}
              open={a.id === openId}
              closeHref={a.id === openId ? `${basePath}${currentQuery}#h-${a.id}` : undefined}
              history={history[a.id] ?? []}
              appearances={appearances[a.id] ?? []}
            />
          ))}
          <StatementsNoLongerInArticle orphaned={orphaned} openId={openOrphan?.id ?? null} basePath={basePath} />
          <WithdrawnVerdicts withdrawn={withdrawn} history={history} openId={openWithdrawn?.id ?? null} />
          <div className="no-print">
            <Legend statuses={usedStatuses} claimTypes={usedTypes} />
          </div>
          <section aria-labelledby="exports-title" className="no-print rounded-lg border border-stone-300 bg-white p-4 text-sm">
            <h2 id="exports-title" className="mb-2 font-semibold text-stone-900">
              Open data
            </h2>
            <ul className="space-y-1" data-testid="export-links">
              <li>
                <a href={articleAnnotationsApiUrl(ctx, article.slug)} type="application/ld+json" className="text-blue-800 underline" data-export="web-annotation">
                  Annotations (W3C Web Annotation, JSON-LD)
                </a>
              </li>
              <li>
                <a href={exports.claimReview} type="application/ld+json" className="text-blue-800 underline" data-export="claimreview">
                  Fact-checks (schema.org ClaimReview, JSON-LD)
                </a>
              </li>
              <li>
                <a href={exports.csv} type="text/csv" className="text-blue-800 underline" data-export="csv">
                  Spreadsheet (CSV)
                </a>
              </li>
            </ul>
          </section>
        </aside>
      </div>

    </article>
  );
}
