import Link from "next/link";
import type { ArticleVersionDTO, ClaimTypeDTO, VerificationStatusDTO } from "@/lib/domain/types";
import { formatTimestampDate } from "@/lib/format/dates";
import { Notice } from "@/components/ui/Notice";
import { AnnotationDetails } from "./AnnotationDetails";
import { ArticleHeading } from "./ArticleHeading";
import { ArticleText } from "./ArticleText";
import { HighlightKeys } from "./HighlightKeys";
import { Legend } from "./Legend";
import { StatementsNoLongerInArticle } from "./CorrectionNotes";

export interface VersionViewProps {
  view: ArticleVersionDTO;
  vocabulary: { statuses: VerificationStatusDTO[]; claimTypes: ClaimTypeDTO[] };
  /** Absolute origin of the app, for the printed address. */
  baseUrl: string;
}

/**
 * "As checked on DATE": an earlier version of the article with the verdicts that stood then, under a banner that says
 * so and leads to the current article. No ClaimReview JSON-LD and no export links: those describe the current checks.
 */
export function VersionView({ view, vocabulary, baseUrl }: VersionViewProps) {
  const { article, annotations, orphaned, version, replacedBy } = view;
  const basePath = `/articles/${encodeURIComponent(article.slug)}`;
  const versionPath = `${basePath}/versions/${version.revision}`;
  const noteNumbers = new Map(annotations.map((a, i) => [a.id, i + 1]));
  const usedStatuses = vocabulary.statuses.filter((s) => annotations.some((a) => a.status.slug === s.slug));
  const usedTypes = vocabulary.claimTypes.filter((t) => annotations.some((a) => a.claimType.slug === t.slug));
  const checkedOn = formatTimestampDate(version.replacedAt);
  return (
    <article lang={article.language} className="reader flex flex-col gap-6" data-revision={version.revision}>
      <HighlightKeys />
      <header className="space-y-3">
        <p className="no-print text-sm text-stone-700">
          <Link href={basePath} className="hover:underline">
            ← The current article
          </Link>
        </p>
        <Notice tone="warning" testId="as-checked-banner">
          <strong>As checked on {checkedOn}</strong> — this is an earlier version of the article (version {version.revision}, current from{" "}
          {formatTimestampDate(version.createdAt)} until {checkedOn}), shown with the verdicts that were published then.{" "}
          <Link href={basePath} className="text-blue-800 underline">
            See the current article
          </Link>{" "}
          ·{" "}
          <Link href={`${basePath}/changes?to=${replacedBy.revision}`} className="text-blue-800 underline">
            What the correction changed
          </Link>
          {replacedBy.reason ? <> (“{replacedBy.reason}”)</> : null}
        </Notice>
        <ArticleHeading article={article} />
        <p className="print-only text-sm">
          As checked on {checkedOn}: {baseUrl}
          {versionPath}
        </p>
        <p className="no-print text-sm text-stone-700" data-testid="version-summary">
          {annotations.length === 0
            ? "No statement of this version had a published verdict."
            : `${annotations.length} sourced statements had a published verdict on this version. Select a highlighted statement to see the verdict as it stood.`}
        </p>
      </header>

      <div className="grid gap-8 md:grid-cols-[minmax(0,1fr)_22rem]">
        <ArticleText text={article.text} emphasis={article.emphasis} annotations={annotations} noteNumbers={noteNumbers} />
        <aside aria-label="Statement details as checked then" className="annotation-panel space-y-4 md:sticky md:top-4 md:max-h-[calc(100vh-2rem)] md:self-start md:overflow-y-auto">
          <p className="annotation-placeholder no-print rounded-lg border border-dashed border-stone-400 bg-white p-4 text-sm text-stone-700">
            Select a highlighted statement to see its attribution, source chain and the verdict as it stood on {checkedOn}.
          </p>
          {annotations.map((a) => (
            <AnnotationDetails key={a.id} annotation={a} index={noteNumbers.get(a.id)!} permalink={`${baseUrl}${versionPath}#annotation-${encodeURIComponent(a.id)}`} />
          ))}
          <StatementsNoLongerInArticle orphaned={orphaned} openId={null} basePath={basePath} title="Statements no longer in this version" />
          <div className="no-print">
            <Legend statuses={usedStatuses} claimTypes={usedTypes} />
          </div>
        </aside>
      </div>
    </article>
  );
}
