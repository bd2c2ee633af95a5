import "server-only";
import { db, type Tx } from "../db";
import { writeAudit } from "../audit";
import type { Actor } from "../actors";
import { authorize } from "../authorize";
import { ConflictError, DomainRuleError, NotFoundError } from "../errors";
import { invalidateArticle, invalidateVocabulary } from "../cache";
import { checkHighlightColor, checkMarkColor } from "@/lib/vocabulary/contrast";
import { DEFAULT_STATUS_SLUG } from "@/lib/vocabulary/defaults";
import {
  CreateVocabularySchema,
  DeleteVocabularySchema,
  MoveVocabularySchema,
  RetireVocabularySchema,
  UpdateVocabularySchema,
  type VocabularyKind,
} from "@/lib/validation/admin";
import type { AnnotationContentDTO } from "@/lib/domain/types";
import { parseInput } from "./common";
import { Prisma } from "../generated/prisma/client";
import type { AdminVocabulary, AdminVocabularyEntry } from "@/lib/contracts/admin-dto";

export type { AdminVocabulary, AdminVocabularyEntry };


type Row = {
  id: string;
  slug: string;
  label: string;
  shortLabel?: string;
  description: string;
  color: string;
  rating?: number | null;
  position: number;
  retired: boolean;
  version: number;
};

/** The columns both tables share, so one code path handles both vocabularies. */
interface VocabTable {
  findMany(args: object): Promise<Row[]>;
  findUnique(args: object): Promise<Row | null>;
  create(args: object): Promise<Row>;
  updateMany(args: object): Promise<{ count: number }>;
  update(args: object): Promise<Row>;
  delete(args: object): Promise<Row>;
  aggregate(args: object): Promise<{ _max: { position: number | null } }>;
}

const table = (tx: Tx, kind: VocabularyKind) => (kind === "claim_type" ? tx.claimType : tx.verificationStatus) as unknown as VocabTable;
const noun = (kind: VocabularyKind) => (kind === "claim_type" ? "claim type" : "verification status");
const ORDER = [{ position: "asc" }, { label: "asc" }];

function toEntry(kind: VocabularyKind, r: Row, usage: number): AdminVocabularyEntry {
  return {
    kind,
    id: r.id,
    slug: r.slug,
    label: r.label,
    shortLabel: r.shortLabel ?? "",
    description: r.description,
    color: r.color,
    rating: r.rating ?? null,
    position: r.position,
    retired: r.retired,
    version: r.version,
    usage,
  };
}

const claimTypeView = (r: Row) => ({ slug: r.slug, label: r.label, shortLabel: r.shortLabel, description: r.description, color: r.color, position: r.position, retired: r.retired });
const statusView = (r: Row) => ({ slug: r.slug, label: r.label, description: r.description, color: r.color, rating: r.rating ?? null, position: r.position, retired: r.retired });

type VocabularyChange = "create" | "update" | "retire" | "unretire" | "delete";

/** The audit event of a vocabulary change, typed per vocabulary (the two views differ: shortLabel vs rating). */
async function writeVocabularyAudit(tx: Tx, actor: Actor, kind: VocabularyKind, change: VocabularyChange, entityId: string, rows: { before?: Row; after?: Row }, comment?: string | null) {
  const need = (r: Row | undefined) => {
    if (!r) throw new Error(`The ${kind}.${change} audit event needs its ${r === rows.before ? "before" : "after"} row.`);
    return r;
  };
  if (kind === "claim_type") {
    if (change === "create") return writeAudit(tx, actor, { action: "claim_type.create", entityId, data: { after: claimTypeView(need(rows.after)) }, comment });
    if (change === "delete") return writeAudit(tx, actor, { action: "claim_type.delete", entityId, data: { before: claimTypeView(need(rows.before)) }, comment });
    return writeAudit(tx, actor, { action: `claim_type.${change}`, entityId, data: { before: claimTypeView(need(rows.before)), after: claimTypeView(need(rows.after)) }, comment });
  }
  if (change === "create") return writeAudit(tx, actor, { action: "verification_status.create", entityId, data: { after: statusView(need(rows.after)) }, comment });
  if (change === "delete") return writeAudit(tx, actor, { action: "verification_status.delete", entityId, data: { before: statusView(need(rows.before)) }, comment });
  return writeAudit(tx, actor, { action: `verification_status.${change}`, entityId, data: { before: statusView(need(rows.before)), after: statusView(need(rows.after)) }, comment });
}

async function usageCount(tx: Tx, kind: VocabularyKind, r: Row): Promise<number> {
  return kind === "claim_type"
    ? tx.annotation.count({ where: { OR: [{ claimTypeId: r.id }, { approvedTypeSlug: r.slug }] } })
    : tx.annotation.count({ where: { OR: [{ statusId: r.id }, { approvedStatusSlug: r.slug }] } });
}

/** Admin: both vocabularies in display order, with version (for concurrency) and usage counts. */
export async function getAdminVocabulary(actor: Actor): Promise<AdminVocabulary> {
  authorize(actor, "administer_vocabulary");
  const [types, statuses] = await Promise.all([
    db.claimType.findMany({ orderBy: [{ position: "asc" }, { label: "asc" }] }),
    db.verificationStatus.findMany({ orderBy: [{ position: "asc" }, { label: "asc" }] }),
  ]);
  // The same count that decides whether a value may be deleted (the draft's value or the published snapshot's),
  // so the page never offers "used by 0" for a value the delete then refuses. The lists are short.
  const [typeUsage, statusUsage] = await Promise.all([
    Promise.all(types.map((t) => usageCount(db, "claim_type", t))),
    Promise.all(statuses.map((s) => usageCount(db, "verification_status", s))),
  ]);
  return {
    claimTypes: types.map((t, i) => toEntry("claim_type", t, typeUsage[i])),
    statuses: statuses.map((s, i) => toEntry("verification_status", s, statusUsage[i])),
  };
}

function checkColor(kind: VocabularyKind, color: string) {
  const check = kind === "verification_status" ? checkHighlightColor(color) : checkMarkColor(color);
  if (!check.ok) throw new DomainRuleError(check.message, "color");
}

export function slugify(label: string): string {
  const s = label
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/g, "");
  return s || "value";
}

/**
 * Rewrites the claim type / status frozen inside approved snapshots, so readers see a rename, recolour or
 * retirement at once (the rest of the approved content stays as approved). Does not touch `version` or
 * `updatedAt`: it is a display refresh, not an edit of the annotation. Returns the affected article slugs.
 */
async function refreshSnapshots(tx: Tx, kind: VocabularyKind, r: Row): Promise<string[]> {
  const where = kind === "claim_type" ? { approvedTypeSlug: r.slug } : { approvedStatusSlug: r.slug };
  const rows = await tx.annotation.findMany({
    where: { ...where, approvedSnapshot: { not: Prisma.DbNull } },
    select: { id: true, approvedSnapshot: true, article: { select: { slug: true } } },
  });
  const slugs = new Set<string>();
  for (const row of rows) {
    const content = structuredClone(row.approvedSnapshot) as unknown as AnnotationContentDTO;
    if (kind === "claim_type") {
      content.claimType = { slug: r.slug, label: r.label, shortLabel: r.shortLabel ?? r.label, color: r.color, retired: r.retired };
    } else {
      content.status = { slug: r.slug, label: r.label, color: r.color, rating: r.rating ?? null, retired: r.retired };
    }
    const json = JSON.stringify(content);
    await tx.$executeRaw`UPDATE "Annotation" SET "approvedSnapshot" = ${json}::jsonb WHERE "id" = ${row.id}`;
    slugs.add(row.article.slug);
  }
  // Revision rows carry the same frozen entry: refreshed alike, so diffs and history read the current label.
  if (kind === "claim_type") {
    const entry = JSON.stringify({ slug: r.slug, label: r.label, shortLabel: r.shortLabel ?? r.label, color: r.color, retired: r.retired });
    await tx.$executeRaw`UPDATE "AnnotationRevision" SET "content" = jsonb_set("content", '{claimType}', ${entry}::jsonb) WHERE "typeSlug" = ${r.slug}`;
  } else {
    const entry = JSON.stringify({ slug: r.slug, label: r.label, color: r.color, rating: r.rating ?? null, retired: r.retired });
    await tx.$executeRaw`UPDATE "AnnotationRevision" SET "content" = jsonb_set("content", '{status}', ${entry}::jsonb) WHERE "statusSlug" = ${r.slug}`;
  }
  return [...slugs];
}

function afterChange(articleSlugs: string[]) {
  invalidateVocabulary();
  for (const slug of articleSlugs) invalidateArticle(slug);
}

const staleMessage = (kind: VocabularyKind, label: string) =>
  `The ${noun(kind)} “${label}” was changed by someone else since you loaded the page. Reload the page and try again; your edit was not saved.`;

async function loadEntry(tx: Tx, kind: VocabularyKind, id: string, version: number): Promise<Row> {
  const row = await table(tx, kind).findUnique({ where: { id } });
  if (!row) throw new NotFoundError(kind === "claim_type" ? "Claim type" : "Verification status");
  if (row.version !== version) throw new ConflictError(staleMessage(kind, row.label), row);
  return row;
}

async function saveEntry(tx: Tx, kind: VocabularyKind, before: Row, data: Record<string, unknown>): Promise<Row> {
  const { count } = await table(tx, kind).updateMany({ where: { id: before.id, version: before.version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError(staleMessage(kind, before.label));
  return (await table(tx, kind).findUnique({ where: { id: before.id } })) as Row;
}

/** Admin: a new claim type or status, placed last. The slug is made from the label and never changes. */
export async function createVocabularyEntry(actor: Actor, input: unknown): Promise<AdminVocabularyEntry> {
  authorize(actor, "administer_vocabulary");
  const data = parseInput(CreateVocabularySchema, input);
  checkColor(data.kind, data.color);
  const created = await db.$transaction(async (tx) => {
    const t = table(tx, data.kind);
    const all = await t.findMany({ select: { slug: true, label: true } });
    if (all.some((r) => r.label.toLowerCase() === data.label.toLowerCase())) {
      throw new DomainRuleError(`There is already a ${noun(data.kind)} called “${data.label}”.`, "label");
    }
    const base = slugify(data.label);
    const taken = new Set(all.map((r) => r.slug));
    let slug = base;
    for (let i = 2; taken.has(slug); i++) slug = `${base}-${i}`;
    const max = (await t.aggregate({ _max: { position: true } }))._max.position ?? -1;
    const row = await t.create({
      data:
        data.kind === "claim_type"
          ? { slug, label: data.label, shortLabel: data.shortLabel || data.label.slice(0, 24), description: data.description, color: data.color, position: max + 1 }
          : { slug, label: data.label, description: data.description, color: data.color, rating: data.rating, position: max + 1 },
    });
    await writeVocabularyAudit(tx, actor, data.kind, "create", row.id, { after: row });
    return row;
  });
  afterChange([]);
  return toEntry(data.kind, created, 0);
}

/** Admin: rename, describe, recolour (AA contrast enforced) and, for statuses, the ClaimReview rating. */
export async function updateVocabularyEntry(actor: Actor, input: unknown): Promise<AdminVocabularyEntry> {
  authorize(actor, "administer_vocabulary");
  const data = parseInput(UpdateVocabularySchema, input);
  const { row, slugs, usage } = await db.$transaction(async (tx) => {
    const before = await loadEntry(tx, data.kind, data.id, data.version);
    if (data.color !== before.color.toLowerCase()) checkColor(data.kind, data.color);
    const clash = (await table(tx, data.kind).findMany({ select: { id: true, label: true } })).find(
      (r) => r.id !== before.id && r.label.toLowerCase() === data.label.toLowerCase(),
    );
    if (clash) throw new DomainRuleError(`There is already a ${noun(data.kind)} called “${data.label}”.`, "label");
    const changes: Record<string, unknown> =
      data.kind === "claim_type"
        ? { label: data.label, shortLabel: data.shortLabel || before.shortLabel || data.label.slice(0, 24), description: data.description, color: data.color }
        : { label: data.label, description: data.description, color: data.color, rating: data.rating };
    const changed = Object.entries(changes).some(([k, v]) => (before as unknown as Record<string, unknown>)[k] !== v);
    if (!changed) throw new DomainRuleError("Nothing to save: the values are unchanged.");
    const row = await saveEntry(tx, data.kind, before, changes);
    const slugs = await refreshSnapshots(tx, data.kind, row);
    await writeVocabularyAudit(tx, actor, data.kind, "update", row.id, { before, after: row }, slugs.length ? `Refreshed on published annotations in ${slugs.length} article(s).` : null);
    return { row, slugs, usage: await usageCount(tx, data.kind, row) };
  });
  afterChange(slugs);
  return toEntry(data.kind, row, usage);
}

/** Admin: moves an entry one place up or down (the order of the legend, filters and reviewer forms). */
export async function moveVocabularyEntry(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "administer_vocabulary");
  const data = parseInput(MoveVocabularySchema, input);
  await db.$transaction(async (tx) => {
    const t = table(tx, data.kind);
    const before = await loadEntry(tx, data.kind, data.id, data.version);
    const all = await t.findMany({ orderBy: ORDER });
    const i = all.findIndex((r) => r.id === before.id);
    const j = data.direction === "up" ? i - 1 : i + 1;
    if (j < 0 || j >= all.length) throw new DomainRuleError(`“${before.label}” is already ${data.direction === "up" ? "first" : "last"}.`);
    const order = all.map((r) => r.id);
    [order[i], order[j]] = [order[j], order[i]];
    for (const [pos, id] of order.entries()) {
      const r = all.find((x) => x.id === id) as Row;
      if (r.position === pos && id !== before.id && id !== all[j].id) continue;
      const bump = id === before.id || id === all[j].id;
      const where = id === before.id ? { id, version: before.version } : { id };
      const { count } = await t.updateMany({ where, data: bump ? { position: pos, version: { increment: 1 } } : { position: pos } });
      if (count === 0) throw new ConflictError(staleMessage(data.kind, before.label));
    }
    await writeAudit(tx, actor, {
      action: data.kind === "claim_type" ? "claim_type.move" : "verification_status.move",
      entityId: before.id,
      data: { before: { slug: before.slug, position: i }, after: { slug: before.slug, position: j } },
      comment: `Moved ${data.direction} (${data.direction === "up" ? "before" : "after"} “${all[j].label}”).`,
    });
  });
  afterChange([]);
}

/**
 * Admin: retire (or bring back) a value. A retired value stays on the annotations that use it, shown as retired,
 * but cannot be chosen for new ones. The default status ("unverified") and the last active value cannot be retired.
 */
export async function setVocabularyRetired(actor: Actor, input: unknown): Promise<AdminVocabularyEntry> {
  authorize(actor, "administer_vocabulary");
  const data = parseInput(RetireVocabularySchema, input);
  const { row, slugs, usage } = await db.$transaction(async (tx) => {
    const before = await loadEntry(tx, data.kind, data.id, data.version);
    if (before.retired === data.retired) throw new DomainRuleError(`“${before.label}” is already ${data.retired ? "retired" : "in use"}.`);
    if (data.retired) {
      if (data.kind === "verification_status" && before.slug === DEFAULT_STATUS_SLUG) {
        throw new DomainRuleError(`“${before.label}” is the default status of every new annotation and cannot be retired.`);
      }
      const activeLeft = (await table(tx, data.kind).findMany({ where: { retired: false } })).filter((r) => r.id !== before.id).length;
      if (activeLeft === 0) throw new DomainRuleError(`“${before.label}” is the last ${noun(data.kind)} in use; at least one must stay available.`);
    }
    const row = await saveEntry(tx, data.kind, before, { retired: data.retired });
    const slugs = await refreshSnapshots(tx, data.kind, row);
    await writeVocabularyAudit(tx, actor, data.kind, data.retired ? "retire" : "unretire", row.id, { before, after: row });
    return { row, slugs, usage: await usageCount(tx, data.kind, row) };
  });
  afterChange(slugs);
  return toEntry(data.kind, row, usage);
}

/** Admin: deletes a value no annotation has ever used (otherwise: retire it). */
export async function deleteVocabularyEntry(actor: Actor, input: unknown): Promise<void> {
  authorize(actor, "administer_vocabulary");
  const data = parseInput(DeleteVocabularySchema, input);
  await db.$transaction(async (tx) => {
    const before = await loadEntry(tx, data.kind, data.id, data.version);
    if (data.kind === "verification_status" && before.slug === DEFAULT_STATUS_SLUG) {
      throw new DomainRuleError(`“${before.label}” is the default status of every new annotation and cannot be deleted.`);
    }
    const used = await usageCount(tx, data.kind, before);
    if (used > 0) {
      throw new DomainRuleError(`“${before.label}” is used by ${used} annotation${used === 1 ? "" : "s"} and cannot be deleted. Retire it instead: it stays on those annotations but cannot be chosen for new ones.`);
    }
    const { count } = await (table(tx, data.kind) as unknown as { deleteMany(a: object): Promise<{ count: number }> }).deleteMany({
      where: { id: before.id, version: before.version },
    });
    if (count === 0) throw new ConflictError(staleMessage(data.kind, before.label));
    await writeVocabularyAudit(tx, actor, data.kind, "delete", before.id, { before });
  });
  afterChange([]);
}
