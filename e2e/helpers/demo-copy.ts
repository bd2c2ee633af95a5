import { query, queryOne } from "./db";
import { DEMO_SLUG } from "./session";

/**
 * Copies rows of `table` matching `where`, appending `suffix` to the id columns named (so references stay consistent).
 * Generated columns (Annotation's search document) are left for PostgreSQL to compute.
 */
async function copyRows(suffix: string, table: string, where: string, params: unknown[], idColumns: string[], overrides: Record<string, string> = {}) {
  const columns = (
    await query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      table,
    )
  ).map((c) => c.name);
  const select = columns.map((c) => overrides[c] ?? (idColumns.includes(c) ? `CASE WHEN "${c}" IS NULL THEN NULL ELSE "${c}" || '${suffix}' END` : `"${c}"`));
  await query(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(", ")}) SELECT ${select.join(", ")} FROM "${table}" WHERE ${where}`, ...params);
}

/**
 * A published copy of the demo article (statements, annotations, chains, evidence, revisions), for specs that change
 * it: the other specs read the demo itself. Delete it with deleteArticle(id) afterwards.
 */
export async function copyDemoArticle(label: string): Promise<{ id: string; slug: string; title: string }> {
  const suffix = `${label}${Date.now().toString(36)}`;
  const demo = (await queryOne<{ id: string }>(`SELECT id FROM "Article" WHERE slug = $1`, DEMO_SLUG))!;
  const id = `${demo.id}${suffix}`;
  const slug = `${DEMO_SLUG}-${suffix}`;
  try {
    await copyRows(suffix, "Article", `id = $1`, [demo.id], ["id"], { slug: `'${slug}'`, title: `title || ' (${suffix})'` });
    await copyRows(suffix, "ArticleVersion", `"articleId" = $1`, [demo.id], ["id", "articleId"]);
    await copyRows(suffix, "Statement", `"articleId" = $1`, [demo.id], ["id", "articleId"]);
    await copyRows(suffix, "Annotation", `"articleId" = $1`, [demo.id], ["id", "statementId", "articleId"]);
    const inDemo = `"annotationId" IN (SELECT id FROM "Annotation" WHERE "articleId" = $1)`;
    await copyRows(suffix, "ProvenanceHop", inDemo, [demo.id], ["id", "annotationId"]);
    await copyRows(suffix, "EvidenceLink", inDemo, [demo.id], ["id", "annotationId"]);
    await copyRows(suffix, "AnnotationRevision", inDemo, [demo.id], ["id", "annotationId"]);
  } catch (error) {
    // A half-made copy would show on the home page and fail the specs that count the demo's articles.
    await deleteArticle(id);
    throw error;
  }
  const { title } = (await queryOne<{ title: string }>(`SELECT title FROM "Article" WHERE id = $1`, id))!;
  return { id, slug, title };
}

/** Leaves the database as the other specs expect it. */
export async function deleteArticle(id: string): Promise<void> {
  if (id) await query(`DELETE FROM "Article" WHERE id = $1`, id);
}
