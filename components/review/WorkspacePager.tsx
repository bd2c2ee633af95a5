import Link from "next/link";

/**
 * "Statements 301–600 of 15,007" with links to the neighbouring pages of a long article's workspace. Opening a page
 * closes the open statement (its page is the one shown while it is open).
 */
export function WorkspacePager({ articleId, page, pageCount, first, last, total, position }: { articleId: string; page: number; pageCount: number; first: number; last: number; total: number; position: "top" | "bottom" }) {
  const href = (p: number) => `/review/articles/${articleId}${p > 0 ? `?page=${p + 1}` : ""}`;
  const link = "text-blue-800 underline";
  return (
    <nav aria-label={position === "top" ? "Pages of the article" : "Pages of the article (end)"} className="flex flex-wrap items-center gap-x-4 gap-y-1 rounded border border-stone-200 bg-stone-50 px-3 py-2 text-sm" data-testid={`workspace-pager-${position}`}>
      {page > 0 ? (
        <>
          <Link href={href(0)} className={link}>
            First
          </Link>
          <Link href={href(page - 1)} rel="prev" className={link}>
            ← Previous statements
          </Link>
        </>
      ) : null}
      <span className="text-stone-700" data-testid="workspace-page-label">
        Statements {(first + 1).toLocaleString("en")}–{last.toLocaleString("en")} of {total.toLocaleString("en")} (page {page + 1} of {pageCount})
      </span>
      {page + 1 < pageCount ? (
        <>
          <Link href={href(page + 1)} rel="next" className={link}>
            Next statements →
          </Link>
          <Link href={href(pageCount - 1)} className={link}>
            Last
          </Link>
        </>
      ) : null}
    </nav>
  );
}
