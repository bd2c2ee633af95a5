-- The span readers see for an approved annotation, frozen at approval (a split/merge is a pending revision).
ALTER TABLE "Annotation" ADD COLUMN "approvedStart" INTEGER;
ALTER TABLE "Annotation" ADD COLUMN "approvedEnd" INTEGER;

-- Backfill: annotations approved before this migration were shown at their statement's span.
UPDATE "Annotation"
SET "approvedStart" = (SELECT "start" FROM "Statement" WHERE "Statement"."id" = "Annotation"."statementId"),
    "approvedEnd" = (SELECT "end" FROM "Statement" WHERE "Statement"."id" = "Annotation"."statementId")
WHERE "approvedSnapshot" IS NOT NULL;
