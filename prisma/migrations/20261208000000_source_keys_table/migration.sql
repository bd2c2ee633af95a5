-- Who each approved annotation is about, one row per key, in the order of approval (issue 13 at 1,000,000 annotations).
-- The GIN index of claim_memory_at_scale found a source's statements but not its newest ones: a source page or a
-- "source in chain" search read every statement of a large source (60,000) through a bitmap, joined the articles,
-- then sorted, ~45 ms per attempt, p95 161 ms for a page. A btree on (key, approvedAt DESC, annotationId DESC) hands
-- out a source's statements newest first and stops at the page (lib/server/claims: source pages, and the search's
-- "source in chain" filter, which tests a source's newest statements first).
-- Keys as provenance_source_keys() makes them: 'id:<source id>' and 'name:<lowercased name>' for each hop of the
-- approved chain, 'speaker:<lowercased speaker>'. Kept by a trigger on the approved content; derived data, so exports
-- leave it out and a restore (triggers on) fills it again.
-- CreateTable
CREATE TABLE "AnnotationSourceKey" (
    "annotationId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "approvedAt" TIMESTAMPTZ(3) NOT NULL
);

CREATE FUNCTION provenance_record_source_keys() RETURNS trigger LANGUAGE plpgsql AS $record$
BEGIN
  IF TG_OP = 'UPDATE' THEN
    IF OLD."approvedSnapshot" IS NOT DISTINCT FROM NEW."approvedSnapshot" AND OLD."approvedAt" IS NOT DISTINCT FROM NEW."approvedAt" THEN
      RETURN NULL;
    END IF;
    DELETE FROM "AnnotationSourceKey" WHERE "annotationId" = OLD."id";
  END IF;
  IF NEW."approvedSnapshot" IS NOT NULL AND NEW."approvedAt" IS NOT NULL THEN
    INSERT INTO "AnnotationSourceKey" ("annotationId", "key", "approvedAt")
    SELECT NEW."id", k, NEW."approvedAt" FROM unnest(provenance_source_keys(NEW."approvedSnapshot")) k;
  END IF;
  RETURN NULL;
END;
$record$;

CREATE TRIGGER "Annotation_source_keys" AFTER INSERT OR UPDATE OF "approvedSnapshot", "approvedAt" ON "Annotation"
FOR EACH ROW EXECUTE FUNCTION provenance_record_source_keys();

-- A function, like provenance_backfill_search_words, so that rows moved in with triggers off get their keys too.
CREATE FUNCTION provenance_backfill_source_keys() RETURNS void LANGUAGE sql AS $backfill$
INSERT INTO "AnnotationSourceKey" ("annotationId", "key", "approvedAt")
SELECT a."id", k, a."approvedAt"
FROM "Annotation" a, unnest(provenance_source_keys(a."approvedSnapshot")) k
WHERE a."approvedSnapshot" IS NOT NULL AND a."approvedAt" IS NOT NULL
ON CONFLICT DO NOTHING;
$backfill$;

-- The trigger first (its lock holds writes to "Annotation" until this commits, so none is missed), then the rows,
-- then the keys and indexes, built once over the filled table.
SELECT provenance_backfill_source_keys();

SET LOCAL maintenance_work_mem = '256MB';
ALTER TABLE "AnnotationSourceKey" ADD CONSTRAINT "AnnotationSourceKey_pkey" PRIMARY KEY ("annotationId","key");

-- CreateIndex
CREATE INDEX "AnnotationSourceKey_key_approvedAt_annotationId_idx" ON "AnnotationSourceKey"("key", "approvedAt" DESC, "annotationId" DESC);

-- AddForeignKey
ALTER TABLE "AnnotationSourceKey" ADD CONSTRAINT "AnnotationSourceKey_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- The GIN index of provenance_source_keys() stays: ANDed with the full-text index, it finds a large source's
-- statements that have a word rare among them without reading either list whole.
ANALYZE "AnnotationSourceKey";
