import type { ImportCheckedBeforeDTO } from "@/lib/contracts/claims";

/** The import preview's "N statements checked before", each with its best earlier check. Plain links (no client router). */
export function ImportCheckedBefore({ checkedBefore }: { checkedBefore: ImportCheckedBeforeDTO }) {
  const { matches, examined, total } = checkedBefore;
  const partial = examined < total ? ` (of the first ${examined.toLocaleString("en")} statements compared)` : "";
  if (matches.length === 0) {
    return (
      <p className="text-sm text-stone-700" data-testid="import-checked-before">
        No statement was checked before{partial}.
      </p>
    );
  }
  return (
    <details className="rounded border border-violet-300 bg-violet-50 p-3 text-sm" data-testid="import-checked-before" open>
      <summary className="cursor-pointer font-semibold text-violet-950">
        {matches.length === 1 ? "1 statement" : `${matches.length} statements`} checked before{partial}
      </summary>
      <ol className="mt-2 max-h-[24rem] space-y-2 overflow-y-auto">
        {matches.map((m) => (
          <li key={m.statementIndex} className="rounded border border-violet-200 bg-white p-2" data-testid="import-checked-before-item">
            <p className="text-stone-900">
              <span className="text-stone-600">Statement {m.statementIndex + 1}:</span> “{m.statementExcerpt}”
            </p>
            <p className="mt-1 text-stone-700">
              → “{m.earlier.quote.length > 160 ? `${m.earlier.quote.slice(0, 159)}…` : m.earlier.quote}”{" "}
              <strong className="rounded border px-1" style={{ borderColor: m.earlier.verdict.color }}>
                {m.earlier.verdict.label}
              </strong>{" "}
              in{" "}
              <a href={m.earlier.href} className="underline">
                {m.earlier.article.title}
              </a>
              {m.earlier.article.published ? "" : " (not published)"} · match {Math.round(m.score * 100)}%
            </p>
          </li>
        ))}
      </ol>
    </details>
  );
}
