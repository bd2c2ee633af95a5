-- The reviewers' "Including drafts" search at scale (issue 13). It read every annotation's WORKING content and
-- computed its document per row, with a trigram match of the whole quote: at 1,000,000 annotations one rare word
-- took 35 s. As for the published search: a stored, GIN-indexed document of the working content, misspelt words
-- widened through the known words (SearchWord, which now knows the words of working quotes too), and an index to
-- walk the newest changes first.

ALTER TABLE "Annotation" ADD COLUMN "workingSearchDocument" tsvector GENERATED ALWAYS AS (
    setweight(to_tsvector('simple'::regconfig, coalesce("quoteExact", '')), 'A') ||
    setweight(to_tsvector('simple'::regconfig, coalesce("speakerName", '')), 'B') ||
    setweight(to_tsvector('simple'::regconfig, coalesce("attributionText", '')), 'C')
) STORED;

SET LOCAL maintenance_work_mem = '256MB';
CREATE INDEX "Annotation_working_search_document_idx" ON "Annotation" USING GIN ("workingSearchDocument");

-- Newest change first (the drafts tab's order, and its cursor).
-- CreateIndex
CREATE INDEX "Annotation_updatedAt_id_idx" ON "Annotation"("updatedAt", "id");

-- The known words: those of approved quotes (the public search widens a word only to these, so that a draft's words
-- never shape what readers get) and those of working quotes (the drafts tab widens to all).
ALTER TABLE "SearchWord" ADD COLUMN "approved" BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE "SearchWord" ALTER COLUMN "approved" SET DEFAULT false;

CREATE OR REPLACE FUNCTION provenance_record_search_words() RETURNS trigger LANGUAGE plpgsql AS $record$
BEGIN
  IF NEW."approvedQuote" IS NOT NULL THEN
    INSERT INTO "SearchWord" ("word", "approved")
    SELECT w, true FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, NEW."approvedQuote"))) w
    ON CONFLICT ("word") DO UPDATE SET "approved" = true WHERE NOT "SearchWord"."approved";
  END IF;
  INSERT INTO "SearchWord" ("word", "approved")
  SELECT w, false FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, NEW."quoteExact"))) w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$record$;

DROP TRIGGER "Annotation_search_words" ON "Annotation";
CREATE TRIGGER "Annotation_search_words" AFTER INSERT OR UPDATE OF "approvedQuote", "quoteExact" ON "Annotation"
FOR EACH ROW EXECUTE FUNCTION provenance_record_search_words();

CREATE OR REPLACE FUNCTION provenance_backfill_search_words() RETURNS void LANGUAGE sql AS $backfill$
INSERT INTO "SearchWord" ("word", "approved")
SELECT DISTINCT w, true FROM "Annotation" a, unnest(tsvector_to_array(to_tsvector('simple'::regconfig, a."approvedQuote"))) w
WHERE a."approvedQuote" IS NOT NULL
ON CONFLICT ("word") DO UPDATE SET "approved" = true WHERE NOT "SearchWord"."approved";
INSERT INTO "SearchWord" ("word", "approved")
SELECT DISTINCT w, false FROM "Annotation" a, unnest(tsvector_to_array(to_tsvector('simple'::regconfig, a."quoteExact"))) w
ON CONFLICT DO NOTHING;
$backfill$;

SELECT provenance_backfill_search_words();

ANALYZE "Annotation";
