import type { Metadata } from "next";
import { requireAdminPage } from "@/lib/server/admin/page-guard";
import { getAdminVocabulary } from "@/lib/server/admin/vocabulary";
import { VocabularySection } from "@/components/admin/VocabularyEditor";

export const metadata: Metadata = { title: "Vocabularies · Admin" };
export const dynamic = "force-dynamic";

export default async function AdminVocabularyPage() {
  const admin = await requireAdminPage("/admin/vocabulary");
  const vocabulary = await getAdminVocabulary(admin);
  return (
    <div className="space-y-8">
      <div className="space-y-1">
        <h1 className="text-2xl font-bold text-stone-900">Vocabularies</h1>
        <p className="text-sm text-stone-700">
          The reader legend, filters, ClaimReview ratings and the reviewer forms follow these lists, in this order. A retired value stays on the
          annotations that use it (shown as retired) but cannot be chosen for new ones. Only values no annotation uses can be deleted.
        </p>
      </div>
      <VocabularySection
        kind="verification_status"
        title="Verification statuses"
        intro="Verdicts. The colour is the highlight behind the statement's text (#111827), so it must give at least 4.5:1 contrast (WCAG AA)."
        entries={vocabulary.statuses}
      />
      <VocabularySection
        kind="claim_type"
        title="Claim types"
        intro="What kind of claim a statement is. The colour marks the type on white, so it must give at least 4.5:1 contrast against white (WCAG AA)."
        entries={vocabulary.claimTypes}
      />
    </div>
  );
}
