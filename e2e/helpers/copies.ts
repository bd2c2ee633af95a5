import { query, queryOne } from "./db";
import { DEMO_SLUG } from "./session";

/*
 * A copy of the demo article with its statements, annotations, sources links and revisions, for specs that change an
 * article in ways the other specs must not see (they read the demo itself). Ids get the suffix appended.
 */

/** Copies rows of `table` matching `where`, appending the suffix to the id columns named (so references stay consistent). */
async function copyRows(suffix: string, table: string, where: string, params: unknown[], idColumns: string[], overrides: Record<string, string> = {}) {
  const columns = (await query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`, table)).map((c) => c.name);
  const select = columns.map((c) => overrides[c] ?? (idColumns.includes(c) ? `CASE WHEN "${c}" IS NULL THEN NULL ELSE "${c}" || '${suffix}' END` : `"${c}"`));
  await query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${select.join(", ")} FROM "${table}" WHERE ${where}`, ...params);
}

/** Copies the demo article under `${DEMO_SLUG}-${suffix}`, titled with `label`; returns the copy's id and slug. */
export async function copyDemoArticle(suffix: string, label: string): Promise<{ id: string; slug: string }> {
  const demo = (await queryOne<{ id: string }>(`SELECT id FROM "Article" WHERE slug = $1`, DEMO_SLUG))!;
  const copy = { id: `${demo.id}${suffix}`, slug: `${DEMO_SLUG}-${suffix}` };
  await copyRows(suffix, "Article", `id = $1`, [demo.id], ["id"], { slug: `'${copy.slug}'`, title: `title || ' (${label} ${suffix})'` });
  await copyRows(suffix, "ArticleVersion", `"articleId" = $1`, [demo.id], ["id", "articleId"]);
  await copyRows(suffix, "Statement", `"articleId" = $1`, [demo.id], ["id", "articleId"]);
  await copyRows(suffix, "Annotation", `"articleId" = $1`, [demo.id], ["id", "statementId", "articleId"]);
  const inDemo = `"annotationId" IN (SELECT id FROM "Annotation" WHERE "articleId" = $1)`;
  await copyRows(suffix, "ProvenanceHop", inDemo, [demo.id], ["id", "annotationId"]);
  await copyRows(suffix, "EvidenceLink", inDemo, [demo.id], ["id", "annotationId"]);
  await copyRows(suffix, "AnnotationRevision", inDemo, [demo.id], ["id", "annotationId"]);
  return copy;
}
