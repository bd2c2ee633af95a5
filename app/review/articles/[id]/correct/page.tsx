import Link from "next/link";
import { requireReviewer } from "@/lib/server/session";
import { getCorrectionTarget } from "@/lib/server/review/corrections";
import { CorrectionForm } from "@/components/review/CorrectionForm";
import { guardReview } from "../../../guard";

export const metadata = { title: "Correct the article text" };

type Props = { params: Promise<{ id: string }> };

export default async function CorrectArticlePage({ params }: Props) {
  const { id } = await params;
  const article = await guardReview(async () => getCorrectionTarget(await requireReviewer(), id), `/review/articles/${id}/correct`);
  return (
    <div className="max-w-4xl space-y-5">
      <p className="text-sm">
        <Link href={`/review/articles/${article.id}`} className="text-blue-800 underline">
          ← Back to the workspace
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold text-stone-900">Correct the article text: {article.title}</h1>
      <p className="text-sm text-stone-700">
        The outlet changed the article? Paste its corrected text or choose a file (text, Markdown or HTML), as at import. You will see what happens to every
        annotation before anything is saved: statements with the same wording follow the text; a statement whose wording changed goes back to review (a
        second reviewer must confirm it); a statement no longer in the article is listed for readers as such, never highlighted. This is revision{" "}
        {article.revision}.
      </p>
      <CorrectionForm articleId={article.id} currentText={article.text} />
    </div>
  );
}
