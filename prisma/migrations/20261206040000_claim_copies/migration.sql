-- Claim memory (issue 13): "Same claim, and copy its chain and evidence" marks the working copy it wrote.

-- AlterTable
ALTER TABLE "Annotation" ADD COLUMN     "copiedAtVersion" INTEGER,
ADD COLUMN     "copiedFromId" TEXT,
ADD COLUMN     "copiedFromVersion" INTEGER;

-- AddForeignKey
ALTER TABLE "Annotation" ADD CONSTRAINT "Annotation_copiedFromId_fkey" FOREIGN KEY ("copiedFromId") REFERENCES "Annotation"("id") ON DELETE SET NULL ON UPDATE CASCADE;
