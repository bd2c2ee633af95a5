import Link from "next/link";
import type { CopiedFromDTO } from "@/lib/contracts/claims";
import { shortQuote } from "@/components/reader/AnnotationDetails";

/** The marker on a working copy whose chain and evidence came from an earlier check of the same claim. */
export function CopiedFromNote({ copiedFrom }: { copiedFrom: CopiedFromDTO }) {
  return (
    <p className="rounded border border-violet-300 bg-violet-50 p-2 text-sm text-violet-950" data-testid="copied-from">
      Chain and evidence copied from{" "}
      <Link href={copiedFrom.href} className="underline">
        “{shortQuote(copiedFrom.quote, 80)}” in {copiedFrom.article.title}
        {copiedFrom.article.published ? "" : " (not published)"}
      </Link>
      , version {copiedFrom.version}. Check them against this statement before submitting.
    </p>
  );
}
