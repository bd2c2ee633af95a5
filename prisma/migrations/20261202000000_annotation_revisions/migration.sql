-- Revisions as data: one AnnotationRevision row per version of an annotation. The two-person rule, conflict diffs and
-- the public verdict history read these rows instead of the audit log.

-- CreateTable
CREATE TABLE "AnnotationRevision" (
    "id" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "event" TEXT NOT NULL,
    "workflowState" TEXT NOT NULL,
    "content" JSONB NOT NULL,
    "statusSlug" TEXT NOT NULL,
    "typeSlug" TEXT NOT NULL,
    "start" INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    "articleRevision" INTEGER NOT NULL,
    "editorIds" TEXT[],
    "actorId" TEXT,
    "approverId" TEXT,
    "comment" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnotationRevision_annotationId_event_createdAt_idx" ON "AnnotationRevision"("annotationId", "event", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationRevision_annotationId_version_key" ON "AnnotationRevision"("annotationId", "version");

-- AddForeignKey
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_approverId_fkey" FOREIGN KEY ("approverId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_event_check" CHECK ("event" IN ('created', 'saved', 'submitted', 'moved', 'approved', 'returned'));
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_workflowState_check" CHECK ("workflowState" IN ('draft', 'in_review', 'approved'));
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_content_check" CHECK (jsonb_typeof("content") = 'object');
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_span_check" CHECK ("start" >= 0 AND "end" > "start");

-- The backfill is a function, so that data copied in later from the SQLite era (npm run migrate-from-sqlite) gets the
-- same revision rows; it expects an empty "AnnotationRevision" table.
CREATE FUNCTION provenance_backfill_annotation_revisions() RETURNS void LANGUAGE sql AS $backfill$
-- Backfill 1: the approved version of every annotation that has one, from its approved snapshot. The status and type
-- come from the annotation (the demo's approve events record no status). Editors of that revision are not known
-- without the audit log; the author stands for them (an approval closes the revision, so they decide nothing later).
-- An annotation now in another state (a pending revision) was approved at the version its last approve event
-- recorded, else at the version before the current one.
INSERT INTO "AnnotationRevision" ("id", "annotationId", "version", "event", "workflowState", "content", "statusSlug", "typeSlug",
  "start", "end", "articleRevision", "editorIds", "actorId", "approverId", "createdAt")
SELECT 'rev' || replace(gen_random_uuid()::text, '-', ''),
       a."id",
       CASE WHEN a."workflowState" = 'approved' THEN a."version"
            ELSE LEAST(a."version" - 1, COALESCE((
              SELECT (ev."after" ->> 'version')::int FROM "AuditEvent" ev
              WHERE ev."entityType" = 'annotation' AND ev."entityId" = a."id" AND ev."action" = 'annotation.approve'
                AND jsonb_typeof(ev."after" -> 'version') = 'number'
              ORDER BY ev."createdAt" DESC LIMIT 1), a."version" - 1)) END,
       'approved', 'approved', a."approvedSnapshot",
       COALESCE(a."approvedStatusSlug", a."approvedSnapshot" -> 'status' ->> 'slug'),
       COALESCE(a."approvedTypeSlug", a."approvedSnapshot" -> 'claimType' ->> 'slug'),
       COALESCE(a."approvedStart", s."start"), COALESCE(a."approvedEnd", s."end"),
       ar."revision", ARRAY[a."authorId"], a."approverId", a."approverId", COALESCE(a."approvedAt", a."updatedAt")
FROM "Annotation" a
JOIN "Statement" s ON s."id" = a."statementId"
JOIN "Article" ar ON ar."id" = a."articleId"
WHERE a."approvedSnapshot" IS NOT NULL;

-- Backfill 2: the working copy of every annotation not in the approved state (a draft, a returned draft, or one in
-- review), its content built from the rows as toAnnotationContent does. Its editors are the actors of the edits the
-- audit log holds since the last approval, and the last editor (a one-time read of the log, at migration only).
INSERT INTO "AnnotationRevision" ("id", "annotationId", "version", "event", "workflowState", "content", "statusSlug", "typeSlug",
  "start", "end", "articleRevision", "editorIds", "actorId", "comment", "createdAt")
SELECT 'rev' || replace(gen_random_uuid()::text, '-', ''),
       a."id", a."version",
       CASE WHEN a."workflowState" = 'in_review' THEN 'submitted' WHEN a."returnComment" IS NOT NULL THEN 'returned' ELSE 'saved' END,
       a."workflowState",
       jsonb_build_object(
         'claimType', jsonb_build_object('slug', ct."slug", 'label', ct."label", 'shortLabel', ct."shortLabel", 'color', ct."color", 'retired', ct."retired"),
         'status', jsonb_build_object('slug', vs."slug", 'label', vs."label", 'color', vs."color", 'rating', vs."rating", 'retired', vs."retired"),
         'attributionText', a."attributionText",
         'speakerName', a."speakerName",
         'speakerKind', a."speakerKind",
         'speakerRole', a."speakerRole",
         'claimDate', a."claimDate",
         'rationale', a."rationale",
         'chain', COALESCE((
           SELECT jsonb_agg(jsonb_build_object('position', h."position", 'note', h."note",
                    'source', jsonb_build_object('id', so."id", 'name', so."name", 'kind', so."kind", 'url', so."url", 'date', so."date")) ORDER BY h."position")
           FROM "ProvenanceHop" h JOIN "Source" so ON so."id" = h."sourceId" WHERE h."annotationId" = a."id"), '[]'::jsonb),
         'evidence', COALESCE((
           SELECT jsonb_agg(jsonb_build_object('position', e."position", 'url', e."url", 'title', e."title", 'stance', e."stance",
                    'archivedUrl', e."archivedUrl", 'note', e."note") ORDER BY e."position")
           FROM "EvidenceLink" e WHERE e."annotationId" = a."id"), '[]'::jsonb)
       ),
       vs."slug", ct."slug", s."start", s."end", ar."revision",
       ARRAY(
         SELECT DISTINCT editor FROM (
           SELECT ev."actorId" AS editor FROM "AuditEvent" ev
           WHERE ev."entityType" = 'annotation' AND ev."entityId" = a."id" AND ev."actorId" IS NOT NULL
             AND ev."action" IN ('annotation.create', 'annotation.update', 'annotation.submit', 'annotation.move')
             AND ev."createdAt" > COALESCE((
               SELECT max(ap."createdAt") FROM "AuditEvent" ap
               WHERE ap."entityType" = 'annotation' AND ap."entityId" = a."id" AND ap."action" = 'annotation.approve'), '-infinity'::timestamptz)
           UNION SELECT a."lastEditorId" WHERE a."lastEditorId" IS NOT NULL
         ) editors ORDER BY editor
       ),
       a."lastEditorId", a."returnComment", a."updatedAt"
FROM "Annotation" a
JOIN "Statement" s ON s."id" = a."statementId"
JOIN "Article" ar ON ar."id" = a."articleId"
JOIN "ClaimType" ct ON ct."id" = a."claimTypeId"
JOIN "VerificationStatus" vs ON vs."id" = a."statusId"
WHERE a."workflowState" <> 'approved';
$backfill$;

SELECT provenance_backfill_annotation_revisions();
