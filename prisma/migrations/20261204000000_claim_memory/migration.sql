-- Claim memory (issue 13): the approved quote on the annotation, a full-text index over what readers see
-- (approved quote, speaker, attribution), a trigram index for "checked before?", claim links, duplicate-import lookups.

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN "approvedQuote" TEXT;

-- Backfill: the text of the approved span (substring is 1-based; offsets are UTF-16 in the app, the same for the
-- BMP text the app has stored so far). A function, so that data copied in later from the SQLite era
-- (scripts/db/from-sqlite.mjs) can be given its approved quotes the same way; it fills only missing ones.
CREATE FUNCTION provenance_backfill_approved_quotes() RETURNS void LANGUAGE sql AS $backfill$
UPDATE "Annotation" AS a
SET "approvedQuote" = substring(ar."text" FROM a."approvedStart" + 1 FOR a."approvedEnd" - a."approvedStart")
FROM "Article" AS ar
WHERE ar."id" = a."articleId" AND a."approvedQuote" IS NULL AND a."approvedSnapshot" IS NOT NULL
  AND a."approvedStart" IS NOT NULL AND a."approvedEnd" IS NOT NULL;
$backfill$;

SELECT provenance_backfill_approved_quotes();

-- CreateTable
CREATE TABLE "ClaimLink" (
    "id" TEXT NOT NULL,
    "annotationAId" TEXT NOT NULL,
    "annotationBId" TEXT NOT NULL,
    "relation" TEXT NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ClaimLink_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "ClaimLink_relation_check" CHECK ("relation" IN ('same', 'different')),
    CONSTRAINT "ClaimLink_ordered_pair_check" CHECK ("annotationAId" < "annotationBId")
);

-- CreateIndex
CREATE INDEX "ClaimLink_annotationBId_idx" ON "ClaimLink"("annotationBId");

-- CreateIndex
CREATE UNIQUE INDEX "ClaimLink_annotationAId_annotationBId_key" ON "ClaimLink"("annotationAId", "annotationBId");

-- CreateIndex
CREATE INDEX "Article_contentHash_idx" ON "Article"("contentHash");

-- CreateIndex
CREATE INDEX "Article_originalUrl_idx" ON "Article"("originalUrl");

-- Full text over what readers see: an expression index (not a generated column, so exports restore with
-- INSERT … SELECT *). lib/server/claims/search-sql.ts writes the same expression; they must stay identical.
-- The 'simple' configuration: articles come in any language, so no stemming or stop words (fuzzy terms go through
-- pg_trgm). Weights: the quote (A) ranks above the speaker (B) and the attribution wording (C).
CREATE INDEX "Annotation_search_document_idx" ON "Annotation" USING GIN ((
    setweight(to_tsvector('simple'::regconfig, coalesce("approvedQuote", '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, coalesce("approvedSnapshot"->>'speakerName', '')), 'B') ||
    setweight(to_tsvector('simple'::regconfig, coalesce("approvedSnapshot"->>'attributionText', '')), 'C')
));

-- CreateIndex
CREATE INDEX "Annotation_approvedQuote_trgm_idx" ON "Annotation" USING GIN ("approvedQuote" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Annotation_approvedAt_id_idx" ON "Annotation"("approvedAt", "id");

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_annotationAId_fkey" FOREIGN KEY ("annotationAId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ClaimLink" ADD CONSTRAINT "ClaimLink_annotationBId_fkey" FOREIGN KEY ("annotationBId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
