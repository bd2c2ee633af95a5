import fs from "node:fs";
import path from "node:path";
import type { PrismaClient } from "../../lib/server/generated/prisma/client";
import { prepareArticle } from "../../lib/import/prepare-article";
import { resolveKeySpan } from "../../lib/text";
import type { AnnotationFieldsInput } from "../../lib/contracts/review";
import { ARTICLE_META, EVIDENCE, KEY_ENTRIES, SOURCES } from "./baltic-key";
import { EXIT_ARTICLE_META, EXIT_KEY_ENTRIES, EXIT_SOURCES, SAME_CLAIMS } from "./baltic-exit-key";

export const DEMO_ACCOUNTS = [
  { email: "admin@example.com", name: "Ada Admin", role: "admin", password: "provenance-admin" },
  { email: "reviewer@example.com", name: "Rita Reviewer", role: "reviewer", password: "provenance-reviewer" },
  { email: "reviewer2@example.com", name: "Sam Second", role: "reviewer", password: "provenance-reviewer" },
] as const;

export const DEMO_ARTICLE_FILE = path.join(__dirname, "baltic-ottawa-withdrawal.txt");
export const DEMO_SECOND_ARTICLE_FILE = path.join(__dirname, "baltic-exit-takes-effect.txt");

/**
 * The demo: three accounts and two articles, imported through the pipeline with their key statements marked,
 * annotated and submitted by Rita, approved by Sam, and published — all through the app's data functions (the
 * accounts as a script, systemActor; the editorial work acting as the two reviewers, actingAs), so it carries the
 * same audit events and revision rows as work done in the app. The first article is the worked example (18 key
 * statements); the second, a short follow-up report (baltic-exit-key.ts), repeats two of its claims, which Rita links
 * to the first article's as the same claim. Runs only on a database without users (the caller checks). The data
 * functions use the app's database client (DATABASE_URL); `db` only reads back what they wrote.
 */
export async function seedDemo(
  db: PrismaClient,
  opts: { passwordCost?: number } = {},
): Promise<{ slug: string; annotations: number; articles: { slug: string; annotations: number }[] }> {
  // Loaded here, not at the top: the data layer's client reads DATABASE_URL when it is first imported.
  const { actingAs, systemActor } = await import("../../lib/server/actors");
  const { createAccount } = await import("../../lib/server/admin/users");
  const { importArticle, setArticlePublished } = await import("../../lib/server/review/articles");
  const { reviewAnnotation, saveAnnotation } = await import("../../lib/server/review/annotations");
  const { getChainWarnings } = await import("../../lib/server/claims/chain-warnings");
  const { decideClaimLink } = await import("../../lib/server/claims/suggestions");
  const { chainWarningKey } = await import("../../lib/contracts/claims");

  const articles = [
    { file: DEMO_ARTICLE_FILE, meta: ARTICLE_META, entries: KEY_ENTRIES },
    { file: DEMO_SECOND_ARTICLE_FILE, meta: EXIT_ARTICLE_META, entries: EXIT_KEY_ENTRIES },
  ].map(({ file, meta, entries }) => {
    const raw = fs.readFileSync(file, "utf8");
    const prepared = prepareArticle(raw, { language: meta.language });
    // Resolve every key span first: fail loudly, before writing anything, if one does not resolve to exactly one place.
    const keySpans = entries.map((entry) => {
      try {
        return { entry, range: resolveKeySpan(prepared.text, entry.quote) };
      } catch (error) {
        throw new Error(`Demo key statement #${entry.n} of ${path.basename(file)} does not resolve: ${(error as Error).message}`);
      }
    });
    return { raw, prepared, meta, keySpans };
  });

  const system = systemActor("demo seed (npm run db:seed)");
  const accounts = new Map<string, string>();
  for (const account of DEMO_ACCOUNTS) {
    const user = await createAccount(system, account, { passwordCost: opts.passwordCost, publishedDemoPassword: true });
    accounts.set(account.email, user.id);
  }
  const author = await actingAs(db, accounts.get("reviewer@example.com")!);
  const approver = await actingAs(db, accounts.get("reviewer2@example.com")!);

  const sourceByKey = new Map([...SOURCES, ...EXIT_SOURCES].map((s) => [s.key, s]));
  // Shared by both articles: a source already created by an earlier annotation is linked by id, so chains share sources.
  const sourceIds = new Map<string, string>();
  const evidenceByRef = new Map(EVIDENCE.map((e) => [e.ref, e]));
  const seeded: { slug: string; annotations: number; annotationByEntry: Map<number, string> }[] = [];
  for (const { raw, prepared, meta, keySpans } of articles) {
    const article = await importArticle(
      author,
      { text: raw, language: meta.language, outlet: meta.outlet, byline: meta.byline, originalUrl: meta.originalUrl, publishedDate: meta.publishedDate },
      { markedSpans: keySpans.map((k) => k.range) },
    );
    const stored = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { text: true, version: true, slug: true } });
    if (stored.text !== prepared.text) throw new Error("The imported demo text differs from the text its key spans were resolved on.");
    const statementAt = new Map((await db.statement.findMany({ where: { articleId: article.id }, select: { id: true, start: true } })).map((s) => [s.start, s.id]));
    const annotationByEntry = new Map<number, string>();
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
      annotationByEntry.set(entry.n, saved.annotationId);
    }
    await setArticlePublished(approver, { articleId: article.id, version: stored.version, publish: true });
    seeded.push({ slug: stored.slug, annotations: keySpans.length, annotationByEntry });
  }

  // The follow-up's repeated claims, linked to the first article's as the same claim (readers see "Also checked in").
  const [first, second] = seeded;
  for (const [secondN, firstN] of SAME_CLAIMS) {
    await decideClaimLink(author, { annotationId: second.annotationByEntry.get(secondN)!, otherAnnotationId: first.annotationByEntry.get(firstN)!, relation: "same" });
  }
  return { slug: first.slug, annotations: first.annotations, articles: seeded.map(({ slug, annotations }) => ({ slug, annotations })) };
}
