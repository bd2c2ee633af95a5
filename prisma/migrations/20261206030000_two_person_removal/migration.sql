-- Two reviewers to withdraw a published verdict, and to re-attach an orphan (issues 11 and 12).

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "removalRequestedById" TEXT,
ADD COLUMN     "removalRequestedAt" TIMESTAMPTZ(3),
ADD COLUMN     "removalReason" TEXT,
ADD COLUMN     "removedById" TEXT,
ADD COLUMN     "removedAt" TIMESTAMPTZ(3),
ADD COLUMN     "reattachStatementId" TEXT,
ADD COLUMN     "reattachRequestedById" TEXT,
ADD COLUMN     "reattachRequestedAt" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "Annotation_articleId_removedAt_idx" ON "Annotation"("articleId", "removedAt");

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_removalRequestedById_fkey" FOREIGN KEY ("removalRequestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_reattachStatementId_fkey" FOREIGN KEY ("reattachStatementId") REFERENCES "Statement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_reattachRequestedById_fkey" FOREIGN KEY ("reattachRequestedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Written by hand: a withdrawn annotation is detached like an orphan, and is "removed" exactly when it has a removal date.
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_anchorState_check";
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_anchorState_check" CHECK ("anchorState" IN ('anchored', 'orphaned', 'removed'));
ALTER TABLE "Annotation" DROP CONSTRAINT "Annotation_orphan_statement_check";
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_orphan_statement_check" CHECK (("anchorState" IN ('orphaned', 'removed')) = ("statementId" IS NULL));
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_removed_check" CHECK (("anchorState" = 'removed') = ("removedAt" IS NOT NULL));
ALTER TABLE "AnnotationRevision" DROP CONSTRAINT "AnnotationRevision_event_check";
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_event_check" CHECK ("event" IN ('created', 'saved', 'submitted', 'moved', 'approved', 'returned', 'removed', 'reattached'));
