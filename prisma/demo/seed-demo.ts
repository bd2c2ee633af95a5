import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../lib/server/generated/prisma/client";
import { prepareArticle } from "../../lib/import/prepare-article";
import { resolveKeySpan } from "../../lib/text";
import type { AnnotationFieldsInput } from "../../lib/contracts/review";
import { ARTICLE_META, EVIDENCE, KEY_ENTRIES, SOURCES } from "./baltic-key";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin", password: "provenance-admin" },
  { email: "reviewer@example.com", name: "Rita Reviewer", role: "reviewer", password: "provenance-reviewer" },
  { email: "reviewer2@example.com", name: "Sam Second", role: "reviewer", password: "provenance-reviewer" },
] as const;

export const DEMO_ARTICLE_FILE = path.join(__dirname, "baltic-ottawa-withdrawal.txt");

/**
 * The demo: three accounts and the worked example, imported through the pipeline with its 18 key statements marked,
 * annotated and submitted by Rita, approved by Sam, and published — all through the app's data functions (the
 * accounts as a script, systemActor; the editorial work acting as the two reviewers, actingAs), so it carries the
 * same audit events and revision rows as work done in the app. Runs only on a database without users (the caller
 * checks). The data functions use the app's database client (DATABASE_URL); `db` only reads back what they wrote.
 */
export async function seedDemo(db: PrismaClient, opts: { passwordCost?: number } = {}): Promise<{ slug: string; annotations: number }> {
  // Loaded here, not at the top: the data layer's client reads DATABASE_URL when it is first imported.
  const { actingAs, systemActor } = await import("../../lib/server/actors");
  const { createAccount } = await import("../../lib/server/admin/users");
  const { importArticle, setArticlePublished } = await import("../../lib/server/review/articles");
  const { reviewAnnotation, saveAnnotation } = await import("../../lib/server/review/annotations");
  const { getChainWarnings } = await import("../../lib/server/claims/chain-warnings");
  const { chainWarningKey } = await import("../../lib/contracts/claims");

  const raw = fs.readFileSync(DEMO_ARTICLE_FILE, "utf8");
  const prepared = prepareArticle(raw, { language: ARTICLE_META.language });

  // Resolve every key span first: fail loudly, before writing anything, if one does not resolve to exactly one place.
  const keySpans = KEY_ENTRIES.map((entry) => {
    try {
      return { entry, range: resolveKeySpan(prepared.text, entry.quote) };
    } catch (error) {
      throw new Error(`Demo key statement #${entry.n} does not resolve: ${(error as Error).message}`);
    }
  });

  const system = systemActor("demo seed (npm run db:seed)");
  const accounts = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await createAccount(system, account, { passwordCost: opts.passwordCost, publishedDemoPassword: true });
    accounts.set(account.email, user.id);
  }
  const author = await actingAs(db, accounts.get("reviewer@example.com")!);
  const approver = await actingAs(db, accounts.get("reviewer2@example.com")!);

  const article = await importArticle(
    author,
    { text: raw, language: ARTICLE_META.language, outlet: ARTICLE_META.outlet, byline: ARTICLE_META.byline, originalUrl: ARTICLE_META.originalUrl, publishedDate: ARTICLE_META.publishedDate },
    { markedSpans: keySpans.map((k) => k.range) },
  );
  const stored = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true, version: true } });
  if (stored.text !== prepared.text) throw new Error("The imported demo text differs from the text its key spans were resolved on.");
  const statementAt = new Map((await db.statement.findMany({ where: { articleId: article.id }, select: { id: true, start: true } })).map((s) => [s.start, s.id]));

  const sourceByKey = new Map(SOURCES.map((s) => [s.key, s]));
  const sourceIds = new Map<string, string>();
  const evidenceByRef = new Map(EVIDENCE.map((e) => [e.ref, e]));
  for (const { entry, range } of keySpans) {
    const fields: AnnotationFieldsInput = {
      claimTypeSlug: entry.claimType,
      statusSlug: entry.status,
      attributionText: entry.attributionText,
      speakerName: entry.speakerName,
      speakerKind: entry.speakerKind,
      speakerRole: entry.speakerRole,
      claimDate: entry.claimDate,
      rationale: entry.rationale,
      chain: entry.chain.map((key, position) => {
        const source = sourceByKey.get(key);
        if (!source) throw new Error(`Demo key #${entry.n}: unknown source ${key}`);
        // A source already created by an earlier annotation is linked by id, so the demo's chains share sources.
        return { sourceId: sourceIds.get(key) ?? null, name: source.name, kind: source.kind, url: source.url, date: source.date, note: position === 0 ? (entry.chainNote ?? null) : null };
      }),
      evidence: entry.evidence.map((ev) => {
        const e = evidenceByRef.get(ev.ref);
        if (!e) throw new Error(`Demo key #${entry.n}: unknown evidence ${ev.ref}`);
        return { url: e.url, title: e.title, stance: ev.stance, archivedUrl: null, note: ev.note ?? e.note };
      }),
    };
    const statementId = statementAt.get(range.start);
    if (!statementId) throw new Error(`Demo key #${entry.n}: no statement at ${range.start}`);
    const saved = await saveAnnotation(author, { statementId, baseVersion: null, intent: "submit", fields });
    const hops = await db.provenanceHop.findMany({ where: { annotationId: saved.annotationId }, orderBy: { position: "asc" }, select: { sourceId: true } });
    entry.chain.forEach((key, i) => sourceIds.set(key, hops[i].sourceId));
    // The key's chain warnings (prisma/demo/expected-chain-flags.json) are the fact-checker's, acknowledged on approval.
    const acknowledgedWarnings = (await getChainWarnings(approver, saved.annotationId)).map(chainWarningKey);
    await reviewAnnotation(approver, { decision: "approve", annotationId: saved.annotationId, version: saved.version, acknowledgedWarnings });
  }
  await setArticlePublished(approver, { articleId: article.id, version: stored.version, publish: true });
  return { slug: article.slug, annotations: keySpans.length };
}
