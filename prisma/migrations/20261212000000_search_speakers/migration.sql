-- The search's speaker filter at scale (issue 13). `ILIKE '%name%'` on the approved speaker through its trigram index
-- reads the posting lists of every trigram of the name, large for common ones, and ANDs them with the words': p95
-- 90-190 ms at 1,000,000 annotations, around the 150 ms target. The names are few (thousands): the typed text is
-- matched against the distinct approved speakers first, and their statements are then read newest first through
-- "AnnotationSourceKey" ('speaker:<lowercased name>'), as a source's are. Kept by a trigger; names are never removed
-- (a name no statement has any more leads to nothing). Derived data: exports leave it out.
-- CreateTable
CREATE TABLE "SearchSpeaker" (
    "name" TEXT NOT NULL,

    CONSTRAINT "SearchSpeaker_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "SearchSpeaker_name_trgm_idx" ON "SearchSpeaker" USING GIN ("name" gin_trgm_ops);

CREATE FUNCTION provenance_record_search_speaker() RETURNS trigger LANGUAGE plpgsql AS $record$
BEGIN
  INSERT INTO "SearchSpeaker" ("name") VALUES (NEW."approvedSnapshot"->>'speakerName') ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$record$;

CREATE TRIGGER "Annotation_search_speaker" AFTER INSERT OR UPDATE OF "approvedSnapshot" ON "Annotation"
FOR EACH ROW WHEN (NEW."approvedSnapshot"->>'speakerName' IS NOT NULL) EXECUTE FUNCTION provenance_record_search_speaker();

-- A function, like the other backfills, so that rows moved in with triggers off get their speakers too.
CREATE FUNCTION provenance_backfill_search_speakers() RETURNS void LANGUAGE sql AS $backfill$
INSERT INTO "SearchSpeaker" ("name")
SELECT DISTINCT a."approvedSnapshot"->>'speakerName' FROM "Annotation" a WHERE a."approvedSnapshot"->>'speakerName' IS NOT NULL
ON CONFLICT DO NOTHING;
$backfill$;

SELECT provenance_backfill_search_speakers();

ANALYZE "SearchSpeaker";
