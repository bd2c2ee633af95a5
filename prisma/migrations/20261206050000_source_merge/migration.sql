-- Source merge (issue 13): an admin merges a duplicate source into another. The merged row stays (its page redirects
-- to the survivor, and the merge can be undone); a version for concurrent admin edits. (The "likely duplicates" hint uses the
-- existing Source_name_trgm_idx.)

-- AlterTable
ALTER TABLE "Source" ADD COLUMN "mergedAt" TIMESTAMPTZ(3),
ADD COLUMN "mergedIntoId" TEXT,
ADD COLUMN "version" INTEGER NOT NULL DEFAULT 1;

-- CreateIndex
CREATE INDEX "Source_mergedIntoId_idx" ON "Source"("mergedIntoId");

-- AddForeignKey
ALTER TABLE "Source" ADD CONSTRAINT "Source_mergedIntoId_fkey" FOREIGN KEY ("mergedIntoId") REFERENCES "Source"("id") ON DELETE SET NULL ON UPDATE CASCADE;
