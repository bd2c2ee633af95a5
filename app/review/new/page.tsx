import type { Metadata } from "next";
import { BackLink } from "@/components/ui/BackLink";
import { requireReviewer } from "@/lib/server/session";
import { guardReview } from "../guard";
import { ImportForm } from "@/components/review/ImportForm";

export const metadata: Metadata = { title: "Import an article" };
export const dynamic = "force-dynamic";

export default async function ImportPage() {
  await guardReview(() => requireReviewer(), "/review/new");
  return (
    <div className="mx-auto max-w-3xl space-y-5">
      <BackLink href="/review">Review desk</BackLink>
      <h1 className="text-2xl font-bold text-stone-900">Import an article</h1>
      <p className="text-stone-700">
        Paste the article or choose a file. HTML is turned into plain text (scripts, styles and hidden parts are dropped). You will see the proposed
        statements before anything is saved.
      </p>
      <ImportForm />
    </div>
  );
}
