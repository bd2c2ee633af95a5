/**
 * Reader error reports against a real database seeded with the demo: the report (validation, honeypot, rate limit,
 * size limits), the triage (legal moves only, stale versions refused, audit written in the same transaction), the
 * email retention rule, the public counts, and the reporter's email kept out of every public output.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { DEMO_SEED_TIMEOUT_MS, prepareReaderTestEnv, seedDemoDatabase } from "./testing/reader";
import { removeTestDatabase } from "./testing/test-database";
import { testActor } from "./testing/actors";
import { anonymousReader, systemActor } from "./actors";
import type { ReaderReportInput } from "@/lib/contracts/reader-reports";

vi.mock("next/cache", async () => (await import("./testing/reader")).createFakeNextCache().module);

const { database } = await prepareReaderTestEnv("reader-reports");
const { db } = await import("./db");
const reports = await import("./reader-reports");
const { ConflictError, DomainRuleError, NotFoundError, AccessDeniedError } = await import("./errors");
const { listPublicCorrections } = await import("./corrections-log");
const annotationsRoute = await import("@/app/api/v1/articles/[slug]/annotations/route");
const csvRoute = await import("@/app/api/v1/articles/[slug]/annotations.csv/route");
const annotationRoute = await import("@/app/api/v1/annotations/[id]/route");

const reader = anonymousReader();
let slug = "";
let annotationId = "";
let rita: ReturnType<typeof testActor>;
let address = 0;
/** A fresh client address per report, so the rate limit only bites where a test means it to. */
const nextAddress = () => `198.51.100.${++address}`;

/** A valid form, with `extra` fields as posted (possibly invalid: the data layer parses them). */
const valid = (extra: Record<string, string> = {}) => ({ annotationId, reason: "wrong_verdict", message: "The minister said this in 2019, not 2021.", ...extra }) as ReaderReportInput;

beforeAll(async () => {
  ({ slug } = await seedDemoDatabase());
  const annotation = await db.annotation.findFirstOrThrow({ where: { article: { slug }, approvedAt: { not: null } }, orderBy: { positionStart: "asc" } });
  annotationId = annotation.id;
  rita = testActor(await db.user.findUniqueOrThrow({ where: { email: "reviewer@example.com" } }));
}, DEMO_SEED_TIMEOUT_MS);

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

async function report(extra: Record<string, string> = {}) {
  const result = await reports.createReaderReport(reader, valid(extra), { clientAddress: nextAddress() });
  if (result.kind !== "created") throw new Error(`expected a report, got ${result.kind}`);
  const row = await db.readerReport.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  return { token: result.token, row };
}

/** An approval of the annotation after the report (what a reviewer's fix produces). */
async function approvedRevisionAfter(reportCreatedAt: Date) {
  const latest = await db.annotationRevision.findFirstOrThrow({ where: { annotationId }, orderBy: { version: "desc" } });
  return db.annotationRevision.create({
    data: { ...latest, id: undefined, content: latest.content as object, version: latest.version + 1, event: "approved", createdAt: new Date(reportCreatedAt.getTime() + 60_000), comment: "Date corrected after a reader's report." },
  });
}

describe("a reader's report", () => {
  it("is stored with a hashed follow token and its audit event, and the link shows it", async () => {
    const { token, row } = await report({ email: "reader@example.net" });
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(row).toMatchObject({ annotationId, state: "new", reason: "wrong_verdict", email: "reader@example.net", version: 1 });
    expect(row.followTokenHash).not.toContain(token);
    expect(row.followTokenHash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "reader_report.create", entityId: row.id } });
    expect(audit.actorLabel).toBe("reader");
    expect(JSON.stringify(audit)).not.toContain("reader@example.net");
    const followed = await reports.followReaderReport(reader, token);
    expect(followed).toMatchObject({ state: "new", reason: "wrong_verdict", message: "The minister said this in 2019, not 2021." });
    expect(JSON.stringify(followed)).not.toContain("reader@example.net");
    expect(await reports.followReaderReport(reader, token.slice(0, -1) + (token.endsWith("A") ? "B" : "A"))).toBeNull();
  });

  it("refuses bad input with a message per field, and nothing is stored", async () => {
    const before = await db.readerReport.count();
    const attempt = (input: Record<string, string>) => reports.createReaderReport(reader, { ...valid(), ...input } as never, { clientAddress: nextAddress() });
    await expect(attempt({ reason: "boring" })).rejects.toBeInstanceOf(z.ZodError);
    await expect(attempt({ reason: "earlier_source" })).rejects.toThrow("Give the address of the earlier source.");
    await expect(attempt({ reason: "earlier_source", earlierSourceUrl: "javascript:alert(1)" })).rejects.toThrow("starting with https://");
    await expect(attempt({ email: "not-an-email" })).rejects.toThrow("valid email");
    await expect(attempt({ message: "   " })).rejects.toThrow("Tell us what is wrong");
    // The size limits.
    await expect(attempt({ message: "x".repeat(4001) })).rejects.toThrow("at most 4000 characters");
    await expect(attempt({ email: `${"a".repeat(250)}@example.org` })).rejects.toThrow("at most 254 characters");
    // Only published annotations can be reported.
    const draft = await db.annotation.findFirst({ where: { approvedAt: null } });
    if (draft) await expect(attempt({ annotationId: draft.id })).rejects.toBeInstanceOf(NotFoundError);
    expect(await db.readerReport.count()).toBe(before);
  });

  it("stores an earlier source's address and the text as typed (markup stays text)", async () => {
    const { row } = await report({ reason: "earlier_source", earlierSourceUrl: "https://example.org/2019/speech", message: "<script>alert(1)</script> said first here" });
    expect(row.earlierSourceUrl).toBe("https://example.org/2019/speech");
    expect(row.message).toBe("<script>alert(1)</script> said first here");
  });

  it("silently discards a report whose honeypot is filled in", async () => {
    const before = await db.readerReport.count();
    const result = await reports.createReaderReport(reader, valid({ website: "https://spam.example" }), { clientAddress: nextAddress() });
    expect(result).toEqual({ kind: "discarded" });
    expect(await db.readerReport.count()).toBe(before);
  });

  it("refuses the sixth report from one address within the hour with a clear message", async () => {
    const clientAddress = "203.0.113.77";
    for (let i = 0; i < 5; i++) expect((await reports.createReaderReport(reader, valid(), { clientAddress })).kind).toBe("created");
    const refused = await reports.createReaderReport(reader, valid(), { clientAddress });
    expect(refused).toMatchObject({ kind: "rate_limited", message: expect.stringContaining("You have sent 5 reports in the last 60 minutes") });
    // Another address is not affected.
    expect((await reports.createReaderReport(reader, valid(), { clientAddress: "203.0.113.78" })).kind).toBe("created");
  });
});

describe("triage", () => {
  it("acknowledges, then declines with a reason the reporter sees; each move audited; closed is final", async () => {
    const { token, row } = await report();
    const acknowledged = await reports.triageReport(rita, { action: "acknowledge", reportId: row.id, version: 1 });
    expect(acknowledged).toEqual({ state: "acknowledged", version: 2 });
    // The stale version (1) is refused and nothing changes.
    await expect(reports.triageReport(rita, { action: "decline", reportId: row.id, version: 1, declineReason: "No." })).rejects.toBeInstanceOf(ConflictError);
    // Acknowledging twice is not a move.
    await expect(reports.triageReport(rita, { action: "acknowledge", reportId: row.id, version: 2 })).rejects.toBeInstanceOf(DomainRuleError);
    // A decline needs its reason.
    await expect(reports.triageReport(rita, { action: "decline", reportId: row.id, version: 2, declineReason: " " })).rejects.toBeInstanceOf(z.ZodError);
    await reports.triageReport(rita, { action: "decline", reportId: row.id, version: 2, declineReason: "The 2021 date is the one in the cited record." });
    const stored = await db.readerReport.findUniqueOrThrow({ where: { id: row.id } });
    expect(stored).toMatchObject({ state: "declined", version: 3, triagedById: rita.id, declineReason: "The 2021 date is the one in the cited record." });
    expect(stored.triagedAt!.getTime()).toBeLessThanOrEqual(stored.closedAt!.getTime());
    await expect(reports.triageReport(rita, { action: "accept", reportId: row.id, version: 3, revisionId: "x" })).rejects.toThrow("already declined");
    const events = await db.auditEvent.findMany({ where: { action: "reader_report.triage", entityId: row.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => (e.after as { state: string }).state)).toEqual(["acknowledged", "declined"]);
    expect(events.every((e) => e.actorId === rita.id)).toBe(true);
    expect(await reports.followReaderReport(reader, token)).toMatchObject({ state: "declined", declineReason: "The 2021 date is the one in the cited record." });
  });

  it("is for reviewers only", async () => {
    const { row } = await report();
    await expect(reports.triageReport(reader, { action: "acknowledge", reportId: row.id, version: 1 })).rejects.toBeInstanceOf(AccessDeniedError);
    await expect(reports.listReportQueue(reader)).rejects.toBeInstanceOf(AccessDeniedError);
  });

  it("accepts with an approval made after the report, which /corrections then marks as reported by a reader", async () => {
    const { token, row } = await report();
    const old = await db.annotationRevision.findFirstOrThrow({ where: { annotationId, event: "approved" }, orderBy: { version: "asc" } });
    await expect(reports.triageReport(rita, { action: "accept", reportId: row.id, version: 1, revisionId: old.id })).rejects.toThrow("approved after the report");
    const revision = await approvedRevisionAfter(row.createdAt);
    const queue = await reports.listReportQueue(rita, "new");
    expect(queue.reports.find((r) => r.id === row.id)?.revisions.map((v) => v.id)).toContain(revision.id);
    await reports.triageReport(rita, { action: "accept", reportId: row.id, version: 1, revisionId: revision.id });
    expect(await db.readerReport.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({ state: "accepted", acceptedRevisionId: revision.id });
    expect(await reports.followReaderReport(reader, token)).toMatchObject({ state: "accepted", acceptedAt: expect.any(String), declineReason: null });
    const { entries } = await listPublicCorrections(reader);
    expect(entries.filter((e) => e.readerReported)).toEqual([expect.objectContaining({ kind: "revised", articleSlug: slug, reason: "Date corrected after a reader's report." })]);
  });

  it("pages the queue and filters it by state", async () => {
    const all = await reports.listReportQueue(rita, "all");
    expect(all.total).toBe(all.counts.new + all.counts.acknowledged + all.counts.accepted + all.counts.declined);
    const declined = await reports.listReportQueue(rita, "declined");
    expect(declined.reports.every((r) => r.state === "declined")).toBe(true);
    expect(all.total).toBeGreaterThan(5);
    const open = await reports.listReportQueue(rita, "open");
    expect(open.reports.every((r) => r.state === "new" || r.state === "acknowledged")).toBe(true);
    expect(await reports.countNewReports(rita)).toBe(all.counts.new);
  });
});

describe("counts and retention", () => {
  it("computes the received, accepted and declined counts and the median time to triage", async () => {
    await db.readerReport.updateMany({ data: { triagedAt: null } });
    const ids = (await db.readerReport.findMany({ select: { id: true, createdAt: true }, orderBy: { createdAt: "asc" }, take: 3 })).map((r) => r);
    const hours = [1, 3, 10];
    for (const [i, r] of ids.entries()) await db.readerReport.update({ where: { id: r.id }, data: { triagedAt: new Date(r.createdAt.getTime() + hours[i] * 3_600_000) } });
    const stats = await reports.readerReportStats(reader);
    expect(stats.received).toBe(await db.readerReport.count());
    expect(stats.accepted).toBe(1);
    expect(stats.declined).toBe(1);
    expect(stats.medianTriageMs).toBe(3 * 3_600_000);
  });

  it("erases reporters' emails 180 days after the report was closed, and records it", async () => {
    const { row: closedLongAgo } = await report({ email: "old@example.net" });
    const { row: closedRecently } = await report({ email: "recent@example.net" });
    const { row: open } = await report({ email: "open@example.net" });
    const now = new Date();
    await db.readerReport.update({ where: { id: closedLongAgo.id }, data: { state: "declined", declineReason: "x", closedAt: new Date(now.getTime() - 181 * 86_400_000) } });
    await db.readerReport.update({ where: { id: closedRecently.id }, data: { state: "declined", declineReason: "x", closedAt: new Date(now.getTime() - 179 * 86_400_000) } });
    expect(await reports.purgeReporterEmails(systemActor("email retention"), now)).toBe(1);
    const emails = await db.readerReport.findMany({ where: { id: { in: [closedLongAgo.id, closedRecently.id, open.id] } }, select: { id: true, email: true } });
    expect(Object.fromEntries(emails.map((e) => [e.id, e.email]))).toEqual({ [closedLongAgo.id]: null, [closedRecently.id]: "recent@example.net", [open.id]: "open@example.net" });
    expect(await db.auditEvent.findFirst({ where: { action: "reader_report.email_purge" } })).toMatchObject({ actorLabel: "system", after: { reports: 1, retentionDays: 180 } });
  });

  it("applies the retention rule after every new report and every triage, as the system", async () => {
    const longAgo = new Date(Date.now() - 200 * 86_400_000);
    const { row: first } = await report({ email: "first@example.net" });
    const { row: second } = await report({ email: "second@example.net" });
    await db.readerReport.update({ where: { id: first.id }, data: { state: "accepted", closedAt: longAgo } });
    const { row: fresh } = await report();
    expect((await db.readerReport.findUniqueOrThrow({ where: { id: first.id } })).email).toBeNull();
    expect((await db.readerReport.findUniqueOrThrow({ where: { id: second.id } })).email).toBe("second@example.net");

    await db.readerReport.update({ where: { id: second.id }, data: { state: "declined", declineReason: "x", closedAt: longAgo } });
    await reports.triageReport(rita, { action: "acknowledge", reportId: fresh.id, version: 1 });
    expect((await db.readerReport.findUniqueOrThrow({ where: { id: second.id } })).email).toBeNull();
    const purges = await db.auditEvent.findMany({ where: { action: "reader_report.email_purge" }, orderBy: { createdAt: "desc" }, take: 2 });
    for (const purge of purges) {
      expect(purge).toMatchObject({ actorId: null, actorLabel: "system", comment: "email retention: 180 days after a report is closed", after: { reports: 1, retentionDays: 180 } });
    }
  });

  it("never puts a reporter's email in the public API, the CSV or a follow page", async () => {
    const email = "secret-reporter@example.net";
    const { token } = await report({ email });
    const ctx = { params: Promise.resolve({ slug }) };
    const outputs = [
      await (await annotationsRoute.GET(new Request(`https://provenance.test/api/v1/articles/${slug}/annotations`), ctx)).text(),
      await (await csvRoute.GET(new Request(`https://provenance.test/api/v1/articles/${slug}/annotations.csv`), ctx)).text(),
      await (await annotationRoute.GET(new Request(`https://provenance.test/api/v1/annotations/${annotationId}`), { params: Promise.resolve({ id: annotationId }) })).text(),
      JSON.stringify(await reports.followReaderReport(reader, token)),
      JSON.stringify(await reports.readerReportStats(reader)),
      JSON.stringify(await listPublicCorrections(reader)),
    ];
    expect(outputs[0]).toContain(annotationId);
    expect(outputs[1].split("\n").length).toBeGreaterThan(2);
    for (const output of outputs) expect(output).not.toContain(email);
  });
});
