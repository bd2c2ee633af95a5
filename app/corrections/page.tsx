import type { Metadata } from "next";
import Link from "next/link";
import { anonymousReader } from "@/lib/server/actors";
import { listPublicCorrections, type CorrectionKind } from "@/lib/server/corrections-log";
import { formatTimestampDate } from "@/lib/format/dates";

/** Rendered per request (the page number is in the query) from the cached log. */
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: "Corrections",
  description: "Every change to a published verdict or to the statements we checked, with the date and the reason.",
};

const KIND_LABELS: Record<CorrectionKind, string> = {
  text: "Article text corrected",
  wording: "Statement reworded by the outlet (under re-review)",
  removed: "Statement removed from the article",
  verdict: "Verdict changed",
  revised: "Fact-check revised",
  withdrawn: "Fact-check withdrawn",
};

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CorrectionsPage({ searchParams }: Props) {
  const sp = await searchParams;
  const requested = typeof sp.page === "string" && /^[1-9][0-9]{0,5}$/.test(sp.page) ? Number(sp.page) - 1 : 0;
  const { entries, total, page, pageCount } = await listPublicCorrections(anonymousReader(), requested);
  return (
    <div className="max-w-4xl space-y-6">
      <header className="space-y-2">
        <h1 className="font-serif text-3xl font-bold text-stone-900">Corrections</h1>
        <p className="text-stone-700">
          Every change to a published verdict, to the statements we checked or to the text of an article we fact-checked, newest first ({total} in all). See
          our <Link href="/methodology#corrections" className="text-blue-800 underline">corrections policy</Link>.
        </p>
      </header>
      {entries.length === 0 ? (
        <p className="text-stone-700">No corrections yet.</p>
      ) : (
        <ol className="space-y-3" data-testid="corrections-log">
          {entries.map((e, i) => (
            <li key={`${e.at}-${i}`} className="rounded border border-stone-300 bg-white p-3 text-sm" data-kind={e.kind}>
              <p className="text-stone-700">
                {formatTimestampDate(e.at)} ·{" "}
                <Link href={`/articles/${encodeURIComponent(e.articleSlug)}`} className="text-blue-800 underline">
                  {e.articleTitle}
                </Link>
              </p>
              <p className="font-semibold text-stone-900">{KIND_LABELS[e.kind]}</p>
              {e.before !== null || e.after !== null ? (
                <p>
                  {e.before !== null ? <del className="bg-red-50">{e.before}</del> : null}
                  {e.before !== null && e.after !== null ? " → " : null}
                  {e.after !== null ? <ins className="bg-green-50">{e.after}</ins> : null}
                </p>
              ) : null}
              {e.reason ? <p className="text-stone-700">Reason: {e.reason}</p> : null}
              {e.readerReported ? (
                <p className="text-stone-700" data-testid="reader-reported">
                  Reported by a reader
                </p>
              ) : null}
              {e.kind === "text" ? (
                <p>
                  <Link href={`/articles/${encodeURIComponent(e.articleSlug)}/changes`} className="text-blue-800 underline">
                    See the changes
                  </Link>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      )}
      {pageCount > 1 ? (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {page > 0 ? <Link href={`/corrections?page=${page}`}>← Newer</Link> : null}
          <span>
            Page {page + 1} of {pageCount}
          </span>
          {page + 1 < pageCount ? <Link href={`/corrections?page=${page + 2}`}>Older →</Link> : null}
        </nav>
      ) : null}
    </div>
  );
}
