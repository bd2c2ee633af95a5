import Link from "next/link";
import type { SearchHitDTO } from "@/lib/contracts/claims";
import { StatusBadge, shortQuote } from "@/components/reader/AnnotationDetails";
import { formatPartialDate, formatTimestampDate } from "@/lib/format/dates";

/** Search results: each statement with its verdict, claim type, speaker, article and date, linked to its permalink. */
export function SearchHits({ hits }: { hits: SearchHitDTO[] }) {
  return (
    <ol className="space-y-3" aria-label="Statements found" data-testid="search-results">
      {hits.map((h) => (
        <li key={h.annotationId} className="rounded-lg border border-stone-300 bg-white p-4 shadow-sm">
          <blockquote className="font-serif text-stone-900">
            <Link href={h.permalink} className="hover:underline">
              {shortQuote(h.quote, 280)}
            </Link>
          </blockquote>
          <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-stone-700">
            <StatusBadge label={h.verdict.label} color={h.verdict.color} />
            <span>{h.claimType.label}</span>
            <span>{h.speakerName ? <strong className="text-stone-900">{h.speakerName}</strong> : "The article’s own voice"}</span>
          </p>
          <p className="mt-1 text-sm text-stone-600">
            In <Link href={`/articles/${h.article.slug}`} className="underline">{h.article.title}</Link>
            {h.article.outlet ? ` (${h.article.outlet}${h.article.publishedDate ? `, ${formatPartialDate(h.article.publishedDate)}` : ""})` : h.article.publishedDate ? ` (${formatPartialDate(h.article.publishedDate)})` : ""}
            {" · checked "}
            <time dateTime={h.approvedAt}>{formatTimestampDate(h.approvedAt)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
