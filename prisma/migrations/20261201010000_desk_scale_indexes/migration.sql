-- The review desk at 10,000 articles / 1,000,000 annotations (bench/scale.ts, BENCHMARKS.md "Data at scale"):
-- "Recently approved" (workflowState = 'approved' ORDER BY approvedAt DESC LIMIT 10) sorted every approved annotation.
CREATE INDEX "Annotation_workflowState_approvedAt_idx" ON "Annotation"("workflowState", "approvedAt");

-- "Pending re-approval" per article (approvedSnapshot IS NOT NULL AND workflowState <> 'approved') scanned the whole
-- table; the rows it looks for are few, so a partial index on exactly that condition holds only them.
CREATE INDEX "Annotation_pending_reapproval_idx" ON "Annotation"("articleId") WHERE "approvedSnapshot" IS NOT NULL AND "workflowState" <> 'approved';

-- The desk's article list (ORDER BY updatedAt DESC LIMIT 200) sorted every article.
CREATE INDEX "Article_updatedAt_idx" ON "Article"("updatedAt");
