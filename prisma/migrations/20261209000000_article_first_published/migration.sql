-- When readers could first see an article. "publishedAt" is reset by every publish (and cleared by unpublishing), so
-- after an unpublish and a republish, the earlier versions of a corrected article no longer counted as public ("As
-- checked on" pages and their links vanished) and every verdict's publication date (ClaimReview datePublished) moved
-- to the republication. The earliest publication is kept by a trigger, for every writer (the app, restores, seeds):
-- it only ever moves earlier.
-- AlterTable
ALTER TABLE "Article" ADD COLUMN "firstPublishedAt" TIMESTAMPTZ(3);

CREATE FUNCTION provenance_keep_first_published_at() RETURNS trigger LANGUAGE plpgsql AS $keep$
BEGIN
  -- least() ignores NULLs: unpublishing (publishedAt NULL) keeps it, a republication (later) keeps it.
  NEW."firstPublishedAt" := least(NEW."firstPublishedAt", NEW."publishedAt");
  RETURN NEW;
END;
$keep$;

CREATE TRIGGER "Article_first_published_at" BEFORE INSERT OR UPDATE OF "publishedAt", "firstPublishedAt" ON "Article"
FOR EACH ROW EXECUTE FUNCTION provenance_keep_first_published_at();

-- Existing articles: the earliest publication the audit log recorded, or the current one. A function, like the other
-- backfills, so that rows moved in from the SQLite era get it too.
CREATE FUNCTION provenance_backfill_first_published_at() RETURNS void LANGUAGE sql AS $backfill$
UPDATE "Article" ar SET "firstPublishedAt" = least(ar."publishedAt", p."first")
FROM (SELECT e."articleId", min(e."createdAt") AS "first" FROM "AuditEvent" e WHERE e."action" = 'article.publish' AND e."articleId" IS NOT NULL GROUP BY e."articleId") p
WHERE p."articleId" = ar."id" AND ar."firstPublishedAt" IS NULL;
UPDATE "Article" SET "firstPublishedAt" = "publishedAt" WHERE "firstPublishedAt" IS NULL AND "publishedAt" IS NOT NULL;
$backfill$;

SELECT provenance_backfill_first_published_at();
