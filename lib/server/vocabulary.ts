import "server-only";
import { db } from "./db";
import type { ClaimTypeDTO, VerificationStatusDTO } from "@/lib/domain/types";

export interface Vocabulary {
  claimTypes: ClaimTypeDTO[];
  statuses: VerificationStatusDTO[];
}

/**
 * The vocabularies, retired values included and flagged. A loader for the data layer's own reads (reader, workspace),
 * not a data function: pages and routes read it through getReaderVocabulary(actor) (lib/server/reader.ts).
 */
export async function loadVocabulary(): Promise<Vocabulary> {
  const [claimTypes, statuses] = await Promise.all([
    db.claimType.findMany({ orderBy: [{ position: "asc" }, { label: "asc" }] }),
    db.verificationStatus.findMany({ orderBy: [{ position: "asc" }, { label: "asc" }] }),
  ]);
  return {
    claimTypes: claimTypes.map((t) => ({
      id: t.id,
      slug: t.slug,
      label: t.label,
      shortLabel: t.shortLabel,
      description: t.description,
      color: t.color,
      position: t.position,
      retired: t.retired,
    })),
    statuses: statuses.map((s) => ({
      id: s.id,
      slug: s.slug,
      label: s.label,
      description: s.description,
      color: s.color,
      rating: s.rating,
      position: s.position,
      retired: s.retired,
    })),
  };
}
