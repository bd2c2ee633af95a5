-- Claim memory at 1,000,000 annotations (issue 13, section 6; measured by bench/claims-1m.ts).

-- Source pages and the search's "source in chain" filter: who an approved annotation is about, as keys
-- ('id:<source id>' and 'name:<lowercased name>' for each hop of the approved chain, 'speaker:<lowercased speaker>'),
-- so that one GIN index finds a source's statements by overlap (&&) or containment (@>), exactly (no recheck).
-- lib/server/claims/search-sql.ts writes the same call; the index is used only for an identical expression.
CREATE FUNCTION provenance_source_keys(snapshot jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $keys$
SELECT coalesce(array_agg(DISTINCT k), '{}')
FROM (
    SELECT 'id:' || (h->'source'->>'id') AS k FROM jsonb_array_elements(CASE WHEN jsonb_typeof(snapshot->'chain') = 'array' THEN snapshot->'chain' ELSE '[]' END) h
    UNION ALL
    SELECT 'name:' || lower(h->'source'->>'name') FROM jsonb_array_elements(CASE WHEN jsonb_typeof(snapshot->'chain') = 'array' THEN snapshot->'chain' ELSE '[]' END) h
    UNION ALL
    SELECT 'speaker:' || lower(snapshot->>'speakerName')
) keys
WHERE k IS NOT NULL;
$keys$;

CREATE INDEX "Annotation_approved_source_keys_idx" ON "Annotation" USING GIN (provenance_source_keys("approvedSnapshot"));


-- Misspelt search terms: every word of the approved quotes, once, with a trigram index. A search term is widened to
-- the known words like it (lib/server/claims/search.ts), then matched by the full-text index: a trigram scan of a
-- million quotes per search (the earlier `term <% quote`) took seconds. Kept by a trigger; words are never removed
-- (a word no quote has any more only widens a search to nothing). Derived data: exports leave it out.
-- CreateTable
CREATE TABLE "SearchWord" (
    "word" TEXT NOT NULL,

    CONSTRAINT "SearchWord_pkey" PRIMARY KEY ("word")
);

CREATE INDEX "SearchWord_word_trgm_idx" ON "SearchWord" USING GIN ("word" gin_trgm_ops);

CREATE FUNCTION provenance_record_search_words() RETURNS trigger LANGUAGE plpgsql AS $record$
BEGIN
  INSERT INTO "SearchWord" ("word")
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple'::regconfig, NEW."approvedQuote"))) w
  ON CONFLICT DO NOTHING;
  RETURN NULL;
END;
$record$;

CREATE TRIGGER "Annotation_search_words" AFTER INSERT OR UPDATE OF "approvedQuote" ON "Annotation"
FOR EACH ROW WHEN (NEW."approvedQuote" IS NOT NULL) EXECUTE FUNCTION provenance_record_search_words();

-- A function, like provenance_backfill_approved_quotes, so that rows moved in with triggers off get their words too.
CREATE FUNCTION provenance_backfill_search_words() RETURNS void LANGUAGE sql AS $backfill$
INSERT INTO "SearchWord" ("word")
SELECT DISTINCT w FROM "Annotation" a, unnest(tsvector_to_array(to_tsvector('simple'::regconfig, a."approvedQuote"))) w
WHERE a."approvedQuote" IS NOT NULL
ON CONFLICT DO NOTHING;
$backfill$;

SELECT provenance_backfill_search_words();

-- The search's speaker filter (ILIKE '%name%' on the approved speaker): without it, a speaker with few statements
-- meant walking most of the table.
CREATE INDEX "Annotation_approved_speaker_trgm_idx" ON "Annotation" USING GIN (("approvedSnapshot"->>'speakerName') gin_trgm_ops);
