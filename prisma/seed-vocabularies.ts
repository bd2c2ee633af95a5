import type { PrismaClient } from "../lib/server/generated/prisma/client";
import { DEFAULT_CLAIM_TYPES, DEFAULT_VERIFICATION_STATUSES } from "../lib/vocabulary/defaults";

/** Seeds the default vocabularies into empty tables only, so an admin's later edits and deletions stick. */
export async function seedVocabularies(db: PrismaClient): Promise<{ claimTypes: number; statuses: number }> {
  let claimTypes = 0;
  let statuses = 0;
  if ((await db.claimType.count()) === 0) {
    await db.claimType.createMany({ data: DEFAULT_CLAIM_TYPES.map((t, i) => ({ ...t, position: i })) });
    claimTypes = DEFAULT_CLAIM_TYPES.length;
  }
  if ((await db.verificationStatus.count()) === 0) {
    await db.verificationStatus.createMany({ data: DEFAULT_VERIFICATION_STATUSES.map((s, i) => ({ ...s, position: i })) });
    statuses = DEFAULT_VERIFICATION_STATUSES.length;
  }
  return { claimTypes, statuses };
}
