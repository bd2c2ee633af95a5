-- The drafts tab's speaker filter (ILIKE '%name%' on the working speaker), as claim_memory_at_scale did for the
-- approved one: without it, a speaker with few statements meant walking most of the table (p95 0.5-0.8 s at 1,000,000
-- annotations).
-- CreateIndex
CREATE INDEX "Annotation_speakerName_trgm_idx" ON "Annotation" USING GIN ("speakerName" gin_trgm_ops);
