-- The search document stored (issue 13 at 1,000,000 annotations): the expression index of claim_memory left every
-- plan that reads a statement without the index's bitmap (newest first under a LIMIT, ts_rank, a recheck) to compute
-- three to_tsvector calls per row (~27 µs each). A generated column computes them once per write instead. Same
-- expression as before: the approved quote (A), speaker (B) and attribution wording (C), 'simple' configuration.
-- Nothing writes the column: Prisma declares it Unsupported (never written), and the export/import scripts
-- (scripts/db/transfer.mjs, from-sqlite.mjs) list only columns that are not generated.
DROP INDEX "Annotation_search_document_idx";

ALTER TABLE "Annotation" ADD COLUMN "searchDocument" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, coalesce("approvedQuote", '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, coalesce("approvedSnapshot"->>'speakerName', '')), 'B') ||
    setweight(to_tsvector('simple'::regconfig, coalesce("approvedSnapshot"->>'attributionText', '')), 'C')
) STORED;

-- Same name as the expression index it replaces (more memory: the build of a million documents sorts less often).
SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX "Annotation_search_document_idx" ON "Annotation" USING GIN ("searchDocument");

-- The search reads the word statistics of this column (pg_stats.most_common_elems) to tell rare words from common.
ANALYZE "Annotation";

-- Foreign keys with ON DELETE SET NULL that had no index: deleting one statement or annotation read the whole
-- Annotation table for each (at a million annotations, removing an article of 200 statements took minutes).
-- CreateIndex
CREATE INDEX "Annotation_reattachStatementId_idx" ON "Annotation"("reattachStatementId");

-- CreateIndex
CREATE INDEX "Annotation_copiedFromId_idx" ON "Annotation"("copiedFromId");
