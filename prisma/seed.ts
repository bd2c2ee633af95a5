import { enterServerScript } from "../lib/server/script-runtime";
import { seedVocabularies } from "./seed-vocabularies";
import { seedDemo } from "./demo/seed-demo";

/**
 * Always: the default vocabularies (into empty tables). Demo data only when the database has no users and
 * DEMO_SEED is not "false" — so it never touches a database that is in use. The demo goes through the app's data
 * functions (see seed-demo.ts), on the app's one database client.
 */
async function main() {
  enterServerScript();
  const { db } = await import("../lib/server/db");
  try {
    const vocab = await seedVocabularies(db);
    if (vocab.claimTypes || vocab.statuses) console.log(`Seeded default vocabularies (${vocab.claimTypes} claim types, ${vocab.statuses} statuses).`);
    if (process.env.DEMO_SEED === "false") {
      console.log("DEMO_SEED=false: no demo data.");
      return;
    }
    const users = await db.user.count();
    if (users > 0) {
      console.log(`Demo seed skipped: the database already has ${users} user(s).`);
      return;
    }
    const result = await seedDemo(db);
    const articles = result.articles.map((a) => `/articles/${a.slug} (${a.annotations} approved annotations)`).join(" and ");
    console.log(`Seeded the demo: ${articles}, and 3 demo accounts.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(`Seed failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
