import type { ReactNode } from "react";
import { formatPartialDate } from "@/lib/format/dates";

interface ArticleHeadingProps {
  article: { title: string; outlet: string | null; byline: string | null; publishedDate: string | null; originalUrl: string | null };
  /** Appended to the byline line (the reader page adds when the fact-check was published). */
  children?: ReactNode;
}

/** The article's title and its byline line (outlet, byline, date, link to the original), as readers see it. */
export function ArticleHeading({ article, children }: ArticleHeadingProps) {
  return (
    <>
      <h1 className="font-serif text-3xl font-bold leading-tight text-stone-900 max-md:text-2xl">{article.title}</h1>
      <p className="text-sm text-stone-700">
        {[article.outlet ?? "Outlet not recorded", article.byline, formatPartialDate(article.publishedDate)].filter(Boolean).join(" · ")}
        {article.originalUrl ? (
          <>
            {" · "}
            <a href={article.originalUrl} rel="noopener noreferrer nofollow" className="text-blue-800 underline">
              Original article
            </a>
          </>
        ) : null}
        {children}
      </p>
    </>
  );
}
