-- Reader error reports (issue 12, section 4).

-- CreateTable
CREATE TABLE "ReaderReport" (
    "id" TEXT NOT NULL,
    "annotationId" TEXT,
    "articleId" TEXT NOT NULL,
    "quote" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "earlierSourceUrl" TEXT,
    "message" TEXT NOT NULL,
    "email" TEXT,
    "followTokenHash" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'new',
    "declineReason" TEXT,
    "acceptedRevisionId" TEXT,
    "triagedById" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "triagedAt" TIMESTAMPTZ(3),
    "closedAt" TIMESTAMPTZ(3),
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "ReaderReport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReaderReport_followTokenHash_key" ON "ReaderReport"("followTokenHash");

-- CreateIndex
CREATE INDEX "ReaderReport_state_createdAt_idx" ON "ReaderReport"("state", "createdAt");

-- CreateIndex
CREATE INDEX "ReaderReport_annotationId_idx" ON "ReaderReport"("annotationId");

-- CreateIndex
CREATE INDEX "ReaderReport_acceptedRevisionId_idx" ON "ReaderReport"("acceptedRevisionId");

-- CreateIndex
CREATE INDEX "ReaderReport_closedAt_idx" ON "ReaderReport"("closedAt");

-- AddForeignKey
ALTER TABLE "ReaderReport" ADD CONSTRAINT "ReaderReport_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReaderReport" ADD CONSTRAINT "ReaderReport_articleId_fkey" FOREIGN KEY ("articleId") REFERENCES "Article"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReaderReport" ADD CONSTRAINT "ReaderReport_acceptedRevisionId_fkey" FOREIGN KEY ("acceptedRevisionId") REFERENCES "AnnotationRevision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReaderReport" ADD CONSTRAINT "ReaderReport_triagedById_fkey" FOREIGN KEY ("triagedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- The typed columns and the limits the data layer enforces, enforced by the database as well.
ALTER TABLE "ReaderReport" ADD CONSTRAINT "ReaderReport_reason_check" CHECK ("reason" IN ('wrong_verdict', 'wrong_attribution', 'earlier_source', 'dead_evidence_link', 'other'));
ALTER TABLE "ReaderReport" ADD CONSTRAINT "ReaderReport_state_check" CHECK ("state" IN ('new', 'acknowledged', 'accepted', 'declined'));
ALTER TABLE "ReaderReport" ADD CONSTRAINT "ReaderReport_message_length_check" CHECK (char_length("message") <= 4000);
ALTER TABLE "ReaderReport" ADD CONSTRAINT "ReaderReport_email_length_check" CHECK ("email" IS NULL OR char_length("email") <= 254);
ALTER TABLE "ReaderReport" ADD CONSTRAINT "ReaderReport_earlier_source_check" CHECK ("reason" <> 'earlier_source' OR "earlierSourceUrl" IS NOT NULL);
ALTER TABLE "ReaderReport" ADD CONSTRAINT "ReaderReport_declined_reason_check" CHECK ("state" <> 'declined' OR "declineReason" IS NOT NULL);
