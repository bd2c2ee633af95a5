/**
 * Test-only child process for lib/server/durability.test.ts: the data layer, as the app runs it, saving annotations
 * as fast as it can until it is killed (kill -9). `seed` creates the vocabularies, a reviewer and an article with
 * one statement per line of the article; `burst` saves with WORKERS concurrent loops and appends one JSON line per
 * save that reported success ("acknowledged") to ACK_FILE, only after saveAnnotation resolved.
 *
 *   DATABASE_URL=… npx tsx lib/server/testing/save-burst.ts seed|burst
 */
import fs from "node:fs";
import { enterServerScript } from "../script-runtime";
import type { SaveAnnotationInput } from "@/lib/contracts/review";

const STATEMENTS = 120;

async function main(mode: string | undefined) {
  enterServerScript();
  const { db } = await import("../db");
  const { testActor } = await import("./actors");

  if (mode === "seed") {
    const { seedVocabularies } = await import("../../../prisma/seed-vocabularies");
    const { createReviewUsers } = await import("./review");
    const { importArticle } = await import("../review/articles");
    await seedVocabularies(db);
    const { rita } = await createReviewUsers(db);
    const text = Array.from({ length: STATEMENTS }, (_, i) => `Line ${i + 1} says the council counted ${(i * 37) % 997} new permits.`).join("\n\n");
    const { id } = await importArticle(testActor(rita), { title: "Durability burst", text });
    console.log(JSON.stringify({ articleId: id }));
  } else if (mode === "burst") {
    const { saveAnnotation } = await import("../review/annotations");
    const ackFile = process.env.ACK_FILE!;
    const workers = Number(process.env.WORKERS ?? 8);
    const user = await db.user.findUniqueOrThrow({ where: { email: "rita@example.com" } });
    const actor = testActor(user);
    const statements = await db.statement.findMany({ orderBy: { start: "asc" }, select: { id: true, annotation: { select: { version: true } } } });
    const versions = new Map(statements.map((s) => [s.id, s.annotation?.version ?? null]));
    const ack = fs.openSync(ackFile, "a");
    fs.writeSync(ack, `${JSON.stringify({ started: true })}\n`);
    let n = 0;
    await Promise.all(
      Array.from({ length: workers }, async (_, w) => {
        const mine = statements.filter((_, i) => i % workers === w).map((s) => s.id);
        for (let k = 0; ; k++) {
          const statementId = mine[k % mine.length];
          const saved = await saveAnnotation(actor, {
            statementId,
            baseVersion: versions.get(statementId) ?? null,
            intent: "draft",
            fields: {
              claimTypeSlug: "official-statement",
              statusSlug: "unverified",
              attributionText: "the council",
              speakerName: "City council",
              speakerKind: "organisation",
              speakerRole: "",
              claimDate: "",
              rationale: `Save ${++n} by loop ${w}.`,
              chain: [{ sourceId: null, name: "City council", kind: "government", url: "https://example.org/council", date: "", note: null }],
              evidence: [],
            } as SaveAnnotationInput["fields"],
          });
          versions.set(statementId, saved.version);
          fs.writeSync(ack, `${JSON.stringify({ statementId, annotationId: saved.annotationId, version: saved.version })}\n`);
        }
      }),
    );
  } else {
    throw new Error(`usage: save-burst.ts seed|burst (got ${mode})`);
  }
}

main(process.argv[2]).then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
