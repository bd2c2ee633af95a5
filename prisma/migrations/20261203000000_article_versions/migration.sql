-- Article versions (corrections): immutable texts per revision; an orphaned annotation loses its statement.
-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "previousQuote" TEXT,
ADD COLUMN     "wordingChangedAt" TIMESTAMPTZ(3),
ALTER COLUMN "statementId" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ArticleVersion" (
    "id" TEXT NOT NULL,
    "articleId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "contentHash" TEXT NOT NULL,
    "emphasis" JSONB NOT NULL DEFAULT '[]',
    "reason" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "replacedAt" TIMESTAMPTZ(3),
    "createdById" TEXT,

    CONSTRAINT "ArticleVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ArticleVersion_articleId_revision_key" ON "ArticleVersion"("articleId", "revision");

-- AddForeignKey
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- An annotation has no statement exactly when a correction orphaned it.
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_orphan_statement_check" CHECK (("anchorState" = 'orphaned') = ("statementId" IS NULL));
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_emphasis_check" CHECK (jsonb_typeof("emphasis") = 'array');
ALTER TABLE "ArticleVersion" ADD CONSTRAINT "ArticleVersion_revision_check" CHECK ("revision" >= 1);

-- Every existing article's current text is its version as imported. A function, so that a move from SQLite (which has
-- no ArticleVersion table) can fill the table the same way from the copied articles (scripts/db/from-sqlite.mjs,
-- TABLES_SINCE_SQLITE: ArticleVersion → provenance_backfill_article_versions).
CREATE FUNCTION provenance_backfill_article_versions() RETURNS void LANGUAGE sql AS $backfill$
INSERT INTO "ArticleVersion" ("id", "articleId", "revision", "text", "contentHash", "emphasis", "createdAt", "createdById")
SELECT 'av_' || a."id" || '_' || a."revision", a."id", a."revision", a."text", a."contentHash", a."emphasis", a."createdAt", a."createdById"
FROM "Article" a
WHERE NOT EXISTS (SELECT 1 FROM "ArticleVersion" v WHERE v."articleId" = a."id" AND v."revision" = a."revision");
$backfill$;

SELECT provenance_backfill_article_versions();
