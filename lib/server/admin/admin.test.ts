import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import bcrypt from "bcryptjs";
import { createTestDatabase, removeTestDatabase } from "../testing/test-database";
import { mockAdminTestEnvironment } from "../testing/admin";
import { actorFor } from "../testing/actors";
import type { Actor } from "../actors";

// next-auth is mocked only for the tests of the session itself (getSessionUser, requireAdmin); data-layer calls get
// their actor as an argument.
const session: { current: { uid: string; sv: number; sid: string } | null } = { current: null };
vi.mock("next-auth", () => ({ getServerSession: async () => session.current }));
vi.mock("next/cache", () => ({ updateTag: () => {}, revalidatePath: () => {}, revalidateTag: () => {} }));
vi.mock("react", async (orig) => ({ ...(await orig<typeof import("react")>()), cache: <T,>(fn: T) => fn }));

mockAdminTestEnvironment();
const { database } = await createTestDatabase("admin");
const { db } = await import("../db");
const { seedVocabularies } = await import("../../../prisma/seed-vocabularies");
const users = await import("./users");
const vocab = await import("./vocabulary");
const audit = await import("./audit-log");
const { AccessDeniedError, ConflictError } = await import("../errors");
const { hashToken } = await import("@/lib/security/tokens");
const { authenticateWithPassword } = await import("../sign-in");
const { getSessionUser, requireAdmin } = await import("../session");
const { inviteeActor } = await import("../actors");

let admin: { id: string; sessionVersion: number };
let reviewer: { id: string; sessionVersion: number };

/** The actor of the data-layer calls that follow (passed explicitly), and the session getSessionUser tests read. */
let me: Actor = actorFor(null);
async function as(user: { id: string } | null) {
  if (!user) {
    session.current = null;
    me = actorFor(null);
    return;
  }
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  // A signed-in browser: its JWT names a live server-side session (as next-auth's sign-in creates one).
  const sid = `test-session-${row.id}-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  await db.userSession.create({ data: { id: sid, userId: row.id, expiresAt: new Date(Date.now() + 3_600_000) } });
  session.current = { uid: row.id, sv: row.sessionVersion, sid };
  me = actorFor(row);
}

beforeAll(async () => {
  await seedVocabularies(db as never);
  admin = await db.user.create({ data: { email: "boss@example.com", name: "Boss", role: "admin", passwordHash: await bcrypt.hash("boss-password-123", 4) } });
  reviewer = await db.user.create({ data: { email: "rita@example.com", name: "Rita", role: "reviewer", passwordHash: await bcrypt.hash("rita-password-123", 4) } });
});

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

beforeEach(async () => as(admin));

const tokenOf = (link: string) => link.split("/invite/")[1];

describe("access: active admins only, checked on every call", () => {
  const calls: [string, () => Promise<unknown>][] = [
    ["listUsers", () => users.listUsers(me)],
    ["inviteUser", () => users.inviteUser(me, { email: "x1@example.com", name: "X" })],
    ["changeUserRole", () => users.changeUserRole(me, { userId: "u", role: "admin", version: 1 })],
    ["deactivateUser", () => users.deactivateUser(me, { userId: "u", version: 1 })],
    ["reactivateUser", () => users.reactivateUser(me, { userId: "u", version: 1 })],
    ["resetUserPassword", () => users.resetUserPassword(me, { userId: "u", version: 1 })],
    ["getAdminVocabulary", () => vocab.getAdminVocabulary(me)],
    ["createVocabularyEntry", () => vocab.createVocabularyEntry(me, { kind: "claim_type", label: "Nope", color: "#1d4ed8" })],
    ["updateVocabularyEntry", () => vocab.updateVocabularyEntry(me, { kind: "claim_type", id: "x", version: 1, label: "Nope", color: "#1d4ed8" })],
    ["moveVocabularyEntry", () => vocab.moveVocabularyEntry(me, { kind: "claim_type", id: "x", version: 1, direction: "up" })],
    ["setVocabularyRetired", () => vocab.setVocabularyRetired(me, { kind: "claim_type", id: "x", version: 1, retired: true })],
    ["deleteVocabularyEntry", () => vocab.deleteVocabularyEntry(me, { kind: "claim_type", id: "x", version: 1 })],
    ["listAuditEvents", () => audit.listAuditEvents(me, {})],
    ["getAuditFilterOptions", () => audit.getAuditFilterOptions(me)],
    ["exportAuditCsv", () => audit.exportAuditCsv(me, {})],
  ];

  it.each(calls)("%s refuses anonymous callers and reviewers, and changes nothing", async (_name, call) => {
    const before = { users: await db.user.count(), events: await db.auditEvent.count(), types: await db.claimType.count() };
    await as(null);
    await expect(call()).rejects.toMatchObject({ name: "AccessDeniedError", reason: "unauthenticated" });
    await as(reviewer);
    await expect(call()).rejects.toMatchObject({ name: "AccessDeniedError", reason: "forbidden" });
    expect({ users: await db.user.count(), events: await db.auditEvent.count(), types: await db.claimType.count() }).toEqual(before);
  });

  it("refuses a deactivated admin and an admin whose session was revoked", async () => {
    const other = await db.user.create({ data: { email: "old-admin@example.com", name: "Old", role: "admin" } });
    await as(other);
    expect((await requireAdmin()).id).toBe(other.id);
    await db.user.update({ where: { id: other.id }, data: { sessionVersion: { increment: 1 } } });
    await expect(requireAdmin()).rejects.toBeInstanceOf(AccessDeniedError);
    await db.user.update({ where: { id: other.id }, data: { active: false } });
    await as(other);
    await expect(requireAdmin()).rejects.toBeInstanceOf(AccessDeniedError);
    await db.user.delete({ where: { id: other.id } });
  });
});

describe("invitations", () => {
  it("creates the account and a hashed, single-use link valid 7 days, audited in the same transaction", async () => {
    const result = await users.inviteUser(me, { email: " New.Person@Example.com ", name: "New Person", role: "reviewer" });
    expect(result.link).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(result.email.sent).toBe(false);
    expect(result.email.note).toMatch(/not e-mailed/i);
    expect(result.user).toMatchObject({ email: "new.person@example.com", role: "reviewer", active: true, hasPassword: false });
    expect(result.user).not.toHaveProperty("passwordHash");
    const token = tokenOf(result.link);
    const inv = await db.userInvitation.findFirstOrThrow({ where: { userId: result.user.id } });
    expect(inv.tokenHash).toBe(hashToken(token));
    expect(inv.tokenHash).not.toContain(token);
    const days = (inv.expiresAt.getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const ev = await db.auditEvent.findFirstOrThrow({ where: { action: "user.invite", entityId: result.user.id } });
    expect(ev.actorId).toBe(admin.id);
    expect(ev.after).not.toContain(token);

    expect(await users.getInvitation(inviteeActor(token))).toMatchObject({ state: "valid", email: "new.person@example.com", purpose: "invite" });
    await expect(users.acceptInvitation(inviteeActor(token), { token, password: "short", confirm: "short" })).rejects.toThrow(/at least 12/);
    await expect(users.acceptInvitation(inviteeActor(token), { token, password: "my-new.person-pass", confirm: "my-new.person-pass" })).rejects.toThrow(/email/);
    await expect(users.acceptInvitation(inviteeActor(token), { token, password: "correct horse battery", confirm: "different horse battery" })).rejects.toThrow(/do not match/);
    await as(null);
    expect(await users.acceptInvitation(inviteeActor(token), { token, password: "correct horse battery", confirm: "correct horse battery" })).toEqual({ email: "new.person@example.com" });
    expect((await authenticateWithPassword("new.person@example.com", "correct horse battery")).ok).toBe(true);
    // single use
    expect(await users.getInvitation(inviteeActor(token))).toEqual({ state: "used" });
    await expect(users.acceptInvitation(inviteeActor(token), { token, password: "another horse battery", confirm: "another horse battery" })).rejects.toThrow(/already been used/);
    expect(await db.auditEvent.count({ where: { action: "user.accept_invitation", entityId: result.user.id } })).toBe(1);
  });

  it("refuses expired and unknown links, and an email that already has an account", async () => {
    const result = await users.inviteUser(me, { email: "late@example.com", name: "Late" });
    const token = tokenOf(result.link);
    const later = new Date(Date.now() + 7 * 86_400_000 + 1000);
    expect(await users.getInvitation(inviteeActor(token), later)).toEqual({ state: "expired" });
    await expect(users.acceptInvitation(inviteeActor(token), { token, password: "correct horse battery", confirm: "correct horse battery" }, later)).rejects.toThrow(/expired/);
    expect(await users.getInvitation(inviteeActor("A".repeat(43)))).toEqual({ state: "invalid" });
    await expect(users.inviteUser(me, { email: "LATE@example.com", name: "Again" })).rejects.toMatchObject({ name: "DomainRuleError", field: "email" });
    await expect(users.inviteUser(me, { email: "not-an-email", name: "X" })).rejects.toMatchObject({ field: "email" });
  });

  it("a reset ends sessions, kills the old password and earlier links, and gives a new single-use link", async () => {
    const invited = await users.inviteUser(me, { email: "resetme@example.com", name: "Reset Me" });
    const first = tokenOf(invited.link);
    await users.acceptInvitation(inviteeActor(first), { token: first, password: "first password 123", confirm: "first password 123" });
    await as({ id: invited.user.id });
    expect(await getSessionUser()).not.toBeNull();
    await as(admin);
    const u = await db.user.findUniqueOrThrow({ where: { id: invited.user.id } });
    const svBefore = u.sessionVersion;
    const reset = await users.resetUserPassword(me, { userId: u.id, version: u.version });
    const after = await db.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(after.sessionVersion).toBe(svBefore + 1);
    expect(after.passwordHash).toBeNull();
    expect((await authenticateWithPassword("resetme@example.com", "first password 123")).ok).toBe(false);
    expect(await users.getInvitation(inviteeActor(tokenOf(reset.link)))).toMatchObject({ state: "valid", purpose: "reset" });
    // a stale version is refused
    await expect(users.resetUserPassword(me, { userId: u.id, version: u.version })).rejects.toBeInstanceOf(ConflictError);
    // a second reset replaces the link
    const again = await users.resetUserPassword(me, { userId: u.id, version: after.version });
    expect((await users.getInvitation(inviteeActor(tokenOf(reset.link)))).state).toBe("expired");
    await users.acceptInvitation(inviteeActor(tokenOf(again.link)), { token: tokenOf(again.link), password: "second password 123", confirm: "second password 123" });
    expect(await db.auditEvent.count({ where: { action: "user.password_reset", entityId: u.id } })).toBe(2);
  });
});

describe("roles and deactivation", () => {
  it("never demotes or deactivates the last active admin", async () => {
    const a = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(users.changeUserRole(me, { userId: a.id, role: "reviewer", version: a.version })).rejects.toThrow(/last active admin/);
    await expect(users.deactivateUser(me, { userId: a.id, version: a.version })).rejects.toThrow(/last active admin/);
    expect(await db.user.findUniqueOrThrow({ where: { id: a.id } })).toMatchObject({ role: "admin", active: true, version: a.version });
  });

  it("promotes, demotes, deactivates (ending sessions at once, keeping authorship) and reactivates", async () => {
    const invited = await users.inviteUser(me, { email: "sam@example.com", name: "Sam" });
    await users.acceptInvitation(inviteeActor(tokenOf(invited.link)), { token: tokenOf(invited.link), password: "blue horse 123456", confirm: "blue horse 123456" });
    let sam = await db.user.findUniqueOrThrow({ where: { id: invited.user.id } });
    const promoted = await users.changeUserRole(me, { userId: sam.id, role: "admin", version: sam.version });
    expect(promoted.role).toBe("admin");
    // now Boss is not the last admin, but cannot deactivate themselves
    const boss = await db.user.findUniqueOrThrow({ where: { id: admin.id } });
    await expect(users.deactivateUser(me, { userId: boss.id, version: boss.version })).rejects.toThrow(/your own account/);
    const demoted = await users.changeUserRole(me, { userId: sam.id, role: "reviewer", version: promoted.version });
    expect(demoted.role).toBe("reviewer");
    await expect(users.changeUserRole(me, { userId: sam.id, role: "admin", version: promoted.version })).rejects.toBeInstanceOf(ConflictError);

    // Sam authored an annotation
    const type = await db.claimType.findFirstOrThrow();
    const status = await db.verificationStatus.findFirstOrThrow();
    const article = await db.article.create({ data: { slug: "a-1", title: "A", text: "Hello world.", contentHash: "h" } });
    const st = await db.statement.create({ data: { articleId: article.id, start: 0, end: 12 } });
    const ann = await db.annotation.create({
      data: { statementId: st.id, articleId: article.id, claimTypeId: type.id, statusId: status.id, quoteExact: "Hello world.", positionStart: 0, positionEnd: 12, authorId: sam.id },
    });

    await as({ id: sam.id });
    expect(await getSessionUser()).toMatchObject({ id: sam.id });
    const samSession = session.current;
    await as(admin);
    sam = await db.user.findUniqueOrThrow({ where: { id: sam.id } });
    const deactivated = await users.deactivateUser(me, { userId: sam.id, version: sam.version });
    expect(deactivated.active).toBe(false);
    session.current = samSession; // Sam's open session is refused at once
    expect(await getSessionUser()).toBeNull();
    expect((await authenticateWithPassword("sam@example.com", "blue horse 123456")).ok).toBe(false);
    expect((await db.annotation.findUniqueOrThrow({ where: { id: ann.id } })).authorId).toBe(sam.id);
    const listed = (await (await as(admin), users.listUsers(me))).find((u) => u.id === sam.id);
    expect(listed).toMatchObject({ active: false, annotationsAuthored: 1 });

    const reactivated = await users.reactivateUser(me, { userId: sam.id, version: deactivated.version });
    expect(reactivated.active).toBe(true);
    expect((await authenticateWithPassword("sam@example.com", "blue horse 123456")).ok).toBe(true);
    const actions = (await db.auditEvent.findMany({ where: { entityId: sam.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["user.invite", "user.role_change", "user.deactivate", "user.reactivate"]));
    const ev = await db.auditEvent.findFirstOrThrow({ where: { entityId: sam.id, action: "user.deactivate" } });
    expect(ev.before).toMatchObject({ active: true });
    expect(ev.after).toMatchObject({ active: false });
  });

  it("writes nothing when the audit write fails (same transaction)", async () => {
    const invited = await users.inviteUser(me, { email: "tx@example.com", name: "Tx" });
    const u = await db.user.findUniqueOrThrow({ where: { id: invited.user.id } });
    const spy = vi.spyOn(await import("../audit"), "writeAudit").mockRejectedValueOnce(new Error("disk full"));
    await expect(users.changeUserRole(me, { userId: u.id, role: "admin", version: u.version })).rejects.toThrow("disk full");
    spy.mockRestore();
    expect((await db.user.findUniqueOrThrow({ where: { id: u.id } })).role).toBe("reviewer");
  });
});

describe("vocabularies", () => {
  it("adds, renames, recolours (AA enforced), reorders, retires and deletes only when unused — all audited", async () => {
    const created = await vocab.createVocabularyEntry(me, { kind: "verification_status", label: "Needs context", description: "Lacks context.", color: "#FED7AA", rating: "3" });
    expect(created).toMatchObject({ slug: "needs-context", color: "#fed7aa", rating: 3, retired: false });
    await expect(vocab.createVocabularyEntry(me, { kind: "verification_status", label: "needs CONTEXT", color: "#fed7aa" })).rejects.toMatchObject({ field: "label" });
    await expect(vocab.createVocabularyEntry(me, { kind: "verification_status", label: "Dark", color: "#1e3a8a" })).rejects.toThrow(/contrast ratio of \d\.\d\d:1/);

    const bad = vocab.updateVocabularyEntry(me, { kind: "verification_status", id: created.id, version: created.version, label: "Needs context", color: "#4b5563" });
    await expect(bad).rejects.toMatchObject({ name: "DomainRuleError", field: "color" });
    const renamed = await vocab.updateVocabularyEntry(me, { kind: "verification_status", id: created.id, version: created.version, label: "Missing context", description: "d", color: "#ffedd5", rating: "" });
    expect(renamed).toMatchObject({ label: "Missing context", color: "#ffedd5", rating: null, version: created.version + 1 });
    await expect(
      vocab.updateVocabularyEntry(me, { kind: "verification_status", id: created.id, version: created.version, label: "Lost", color: "#ffedd5" }),
    ).rejects.toBeInstanceOf(ConflictError);

    const list = async () => (await vocab.getAdminVocabulary(me)).statuses;
    const before = await list();
    const idx = before.findIndex((s) => s.id === created.id);
    expect(idx).toBe(before.length - 1);
    await vocab.moveVocabularyEntry(me, { kind: "verification_status", id: created.id, version: renamed.version, direction: "up" });
    const after = await list();
    expect(after[idx - 1].id).toBe(created.id);
    expect(after[idx].id).toBe(before[idx - 1].id);
    await expect(vocab.moveVocabularyEntry(me, { kind: "verification_status", id: after[0].id, version: after[0].version, direction: "up" })).rejects.toThrow(/already first/);

    const moved = after[idx - 1];
    const retired = await vocab.setVocabularyRetired(me, { kind: "verification_status", id: moved.id, version: moved.version, retired: "true" });
    expect(retired.retired).toBe(true);
    const back = await vocab.setVocabularyRetired(me, { kind: "verification_status", id: moved.id, version: retired.version, retired: false });
    expect(back.retired).toBe(false);

    await vocab.deleteVocabularyEntry(me, { kind: "verification_status", id: moved.id, version: back.version });
    expect(await db.verificationStatus.findUnique({ where: { id: moved.id } })).toBeNull();
    const actions = (await db.auditEvent.findMany({ where: { entityId: created.id }, orderBy: { createdAt: "asc" } })).map((e) => e.action);
    expect(actions).toEqual([
      "verification_status.create",
      "verification_status.update",
      "verification_status.move",
      "verification_status.retire",
      "verification_status.unretire",
      "verification_status.delete",
    ]);
  });

  it("refuses to delete a used value or the default status, and refuses retiring the default status", async () => {
    const used = await db.annotation.findFirstOrThrow({ include: { claimType: true } });
    await expect(vocab.deleteVocabularyEntry(me, { kind: "claim_type", id: used.claimTypeId, version: used.claimType.version })).rejects.toThrow(
      /used by 1 annotation and cannot be deleted\. Retire it instead/,
    );
    const unverified = await db.verificationStatus.findUniqueOrThrow({ where: { slug: "unverified" } });
    await expect(vocab.setVocabularyRetired(me, { kind: "verification_status", id: unverified.id, version: unverified.version, retired: true })).rejects.toThrow(/default status/);
    await expect(vocab.deleteVocabularyEntry(me, { kind: "verification_status", id: unverified.id, version: unverified.version })).rejects.toThrow(/default status/);
  });

  it("refreshes approved snapshots on rename and retire, in the same transaction", async () => {
    const ann = await db.annotation.findFirstOrThrow({ include: { claimType: true, status: true } });
    const snapshot = {
      claimType: { slug: ann.claimType.slug, label: ann.claimType.label, shortLabel: ann.claimType.shortLabel, color: ann.claimType.color, retired: false },
      status: { slug: ann.status.slug, label: ann.status.label, color: ann.status.color, rating: ann.status.rating, retired: false },
      rationale: "as approved",
    };
    await db.annotation.update({
      where: { id: ann.id },
      data: { approvedSnapshot: snapshot as never, approvedTypeSlug: ann.claimType.slug, approvedStatusSlug: ann.status.slug, workflowState: "approved" },
    });
    const version = (await db.annotation.findUniqueOrThrow({ where: { id: ann.id } })).version;
    const t = await vocab.updateVocabularyEntry(me, { kind: "claim_type", id: ann.claimTypeId, version: ann.claimType.version, label: "Renamed type", shortLabel: "Renamed", description: "", color: ann.claimType.color });
    await vocab.setVocabularyRetired(me, { kind: "claim_type", id: t.id, version: t.version, retired: true });
    const row = await db.annotation.findUniqueOrThrow({ where: { id: ann.id } });
    const content = row.approvedSnapshot as Record<string, any>;
    expect(content.claimType).toMatchObject({ label: "Renamed type", shortLabel: "Renamed", retired: true });
    expect(content.rationale).toBe("as approved");
    expect(row.version).toBe(version);
  });

  it("counts a value still on a published snapshot as used, on the page as in the delete check", async () => {
    const created = await vocab.createVocabularyEntry(me, { kind: "verification_status", label: "Only published", color: "#fde68a" });
    const ann = await db.annotation.findFirstOrThrow();
    // The draft has moved on to another status; the published (approved) version still shows this one.
    await db.annotation.update({ where: { id: ann.id }, data: { approvedStatusSlug: created.slug } });
    const listed = (await vocab.getAdminVocabulary(me)).statuses.find((s) => s.id === created.id);
    expect(listed?.usage).toBe(1);
    await expect(vocab.deleteVocabularyEntry(me, { kind: "verification_status", id: created.id, version: created.version })).rejects.toThrow(/used by 1 annotation/);
  });
});

describe("audit log", () => {
  it("pages newest first by (createdAt, id) cursor and filters by actor, entity type, action and dates", async () => {
    const base = new Date("2020-01-01T00:00:00Z").getTime();
    await db.auditEvent.createMany({
      data: Array.from({ length: 130 }, (_, i) => ({
        createdAt: new Date(base + Math.floor(i / 3) * 60_000), // ties on createdAt
        actorId: i % 2 ? admin.id : null,
        actorLabel: i % 2 ? "boss@example.com" : "system",
        action: i % 5 === 0 ? "article.publish" : "annotation.update",
        entityType: i % 5 === 0 ? "article" : "annotation",
        entityId: `e${i}`,
      })),
    });
    const filter = { from: "2020-01-01", to: "2020-01-01" };
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await audit.listAuditEvents(me, { ...filter, cursor }, 50);
      seen.push(...page.events.map((e) => e.entityId));
      for (let i = 1; i < page.events.length; i++) expect(page.events[i - 1].createdAt >= page.events[i].createdAt).toBe(true);
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(130);
    expect(seen[0]).toMatch(/^e12[789]$/);

    expect((await audit.listAuditEvents(me, { ...filter, actor: "system" }, 200)).events).toHaveLength(65);
    expect((await audit.listAuditEvents(me, { ...filter, actor: admin.id, entityType: "article" }, 200)).events).toHaveLength(13);
    expect((await audit.listAuditEvents(me, { ...filter, action: "article." }, 200)).events).toHaveLength(26);
    expect((await audit.listAuditEvents(me, { from: "2020-01-02" }, 200)).events.every((e) => e.createdAt >= "2020-01-02")).toBe(true);
    await expect(audit.listAuditEvents(me, { from: "2020-02-01", to: "2020-01-01" })).rejects.toThrow(/start date is after/);

    const csv = [];
    for await (const chunk of await audit.exportAuditCsv(me, { ...filter, entityType: "article", cursor: "ignored" })) csv.push(chunk);
    const lines = csv.join("").trimEnd().split("\r\n");
    expect(lines[0]).toBe(audit.AUDIT_CSV_HEADER.join(","));
    expect(lines).toHaveLength(27);
  });
});

describe("audit filter options", () => {
  it("lists people, every entity type and every action seen (loose index scan), with group prefixes", async () => {
    const options = await audit.getAuditFilterOptions(me);
    expect(options.actors[0]).toEqual({ value: "system", label: "system (scripts and seeds)" });
    expect(options.actors.some((a) => a.label.includes("boss@example.com"))).toBe(true);
    const seen = (await db.auditEvent.findMany({ distinct: ["action"], select: { action: true } })).map((e) => e.action);
    for (const action of seen) expect(options.actions).toContain(action);
    expect(options.actions).toContain("user.");
    expect(options.entityTypes).toEqual(expect.arrayContaining(["user", "article", "annotation", "claim_type", "verification_status"]));
  });
});
