import { expect, test } from "@playwright/test";
import { REVIEWER, REVIEWER2, newSignedInPage } from "./helpers/review";
import { query, queryOne } from "./helpers/db";
import { highlights } from "./helpers/reader";
import { copyDemoArticle, deleteArticle } from "./helpers/demo-copy";

/*
 * Issue 11's done-when, through the browser, on a published copy of the demo article (the other specs read the demo):
 * one reviewer asks for a published verdict's removal, readers keep it, a second reviewer confirms, readers lose the
 * highlight and the permalink, the API item and the corrections log say when and why.
 */

const SCREENSHOT_DIR = process.env.REMOVAL_SCREENSHOT_DIR || "/tmp/removal-screenshots";
const REASON = "The quote was attributed to the wrong ministry; the outlet's own transcript shows a different speaker.";

let copyId = "";
let copySlug = "";
let copyTitle = "";
let orphan: { id: string; statementId: string; quote: string };

test.beforeAll(async () => {
  ({ id: copyId, slug: copySlug, title: copyTitle } = await copyDemoArticle("removal"));
  // Made before any reader page is cached (SQL does not invalidate the reader's cache).
  // An approved annotation left without its statement, as a correction leaves it (its statement is kept here, unannotated, to re-attach to).
  orphan = (await queryOne<{ id: string; statementId: string; quote: string }>(
    `SELECT a.id, a."statementId", a."quoteExact" AS quote FROM "Annotation" a JOIN "Statement" s ON s.id = a."statementId"
     WHERE a."articleId" = $1 AND a."approvedSnapshot" IS NOT NULL ORDER BY s.start DESC LIMIT 1`,
    copyId,
  ))!;
  await query(
    `UPDATE "Annotation" SET "statementId" = NULL, "anchorState" = 'orphaned', "previousQuote" = "quoteExact", "wordingChangedAt" = now(), version = version + 1 WHERE id = $1`,
    orphan.id,
  );
});

test.afterAll(async () => {
  await deleteArticle(copyId);
});

/** "1 December 2026", as the reader formats a UTC date. */
function readerDate(at: Date): string {
  return at.toLocaleDateString("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" });
}

test("a published verdict is withdrawn only when a second reviewer confirms; then its permalink explains the removal", async ({ browser }) => {
  const target = (await queryOne<{ id: string; statementId: string; version: number; quote: string }>(
    `SELECT a.id, a."statementId", a.version, a."approvedQuote" AS quote FROM "Annotation" a JOIN "Statement" s ON s.id = a."statementId"
     WHERE a."articleId" = $1 AND a."approvedSnapshot" IS NOT NULL ORDER BY s.start LIMIT 1`,
    copyId,
  ))!;
  const userId = async (email: string) => (await queryOne<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, email))!.id;
  const rita = { id: await userId(REVIEWER.email) };
  const sam = { id: await userId(REVIEWER2.email) };

  // Reviewer A: "Request removal…" needs a reason.
  const { context: ctxA, page: a } = await newSignedInPage(browser, REVIEWER, `/review/articles/${copyId}?s=${target.statementId}`);
  const panelA = a.locator("[data-selected-statement]");
  await expect(panelA.getByRole("button", { name: "Delete annotation…" })).toHaveCount(0);
  await panelA.getByRole("button", { name: "Request removal…" }).click();
  const request = panelA.getByRole("form", { name: "Request removal" });
  await request.getByRole("button", { name: "Request removal", exact: true }).click();
  await expect(request.getByText("Say why this verdict should be removed: readers will see the reason.")).toBeVisible();
  expect((await queryOne<{ removalRequestedById: string | null }>(`SELECT "removalRequestedById" FROM "Annotation" WHERE id = $1`, target.id))!.removalRequestedById).toBeNull();
  await request.getByLabel(/Why should readers no longer see this verdict/).fill(REASON);
  await request.getByRole("button", { name: "Request removal", exact: true }).click();
  await expect(a.getByTestId("pending-removal")).toContainText(`Reason: “${REASON}”`);
  // The requester cannot confirm their own request.
  await expect(a.getByTestId("removal-decision-refusal")).toHaveText("You asked for this removal, so a second reviewer must confirm it.");
  await expect(panelA.getByRole("button", { name: "Confirm removal…" })).toHaveCount(0);
  expect(await queryOne(`SELECT "removalRequestedById", "removalReason", "removedAt" FROM "Annotation" WHERE id = $1`, target.id)).toEqual({
    removalRequestedById: rita.id,
    removalReason: REASON,
    removedAt: null,
  });

  // Readers still see the verdict.
  const reader = await browser.newPage();
  await reader.goto(`/articles/${copySlug}`);
  await expect(highlights(reader).and(reader.locator(`[data-annotation-id="${target.id}"]`))).toHaveCount(1);
  const highlighted = await highlights(reader).count();

  // Reviewer B sees the pending removal on the workspace and confirms it.
  const { context: ctxB, page: b } = await newSignedInPage(browser, REVIEWER2, `/review/articles/${copyId}`);
  const waiting = b.getByTestId("pending-requests");
  await expect(waiting).toContainText(/Waiting for a second reviewer: removal of the published verdict on statement \d+\./);
  await waiting.getByRole("link", { name: /^statement \d+$/ }).click();
  const panelB = b.locator(`[data-selected-statement="${target.statementId}"]`);
  await expect(panelB).toBeVisible();
  await expect(b.getByTestId("pending-removal")).toContainText("Removal requested by Rita Reviewer");
  await expect(b.getByTestId("pending-removal")).toContainText(REASON);
  await expect(b.getByTestId("removal-decision-refusal")).toHaveCount(0);
  await expect(b.getByTestId("pending-removal-summary")).toContainText(`Removal requested by Rita Reviewer: “${REASON}”`);
  await expect(b.locator(`[data-statement-id="${target.statementId}"]`)).toHaveAttribute("data-pending-removal", "true");
  await b.screenshot({ path: `${SCREENSHOT_DIR}/workspace-pending-removal.png`, fullPage: true });
  await b.getByTestId("pending-removal").scrollIntoViewIfNeeded();
  await b.getByRole("complementary", { name: "Selected statement" }).screenshot({ path: `${SCREENSHOT_DIR}/workspace-pending-removal-panel.png` });
  await panelB.getByRole("button", { name: "Confirm removal…" }).click();
  const confirm = panelB.getByRole("form", { name: "Confirm removal" });
  await expect(confirm).toContainText("Readers stop seeing it at once.");
  await confirm.getByRole("button", { name: "Confirm removal", exact: true }).click();
  await expect(b.getByTestId("removed-notice")).toBeVisible();
  await expect(b.locator("[data-selected-statement] h2").first()).toContainText("Not annotated");
  await expect(b.getByTestId("pending-requests")).toHaveCount(0);

  // The row is kept, withdrawn; every step is in the audit log, the confirmation as a revision too.
  const row = (await queryOne<{ statementId: string | null; anchorState: string; removedAt: Date; removedById: string; approvedSnapshot: unknown }>(
    `SELECT "statementId", "anchorState", "removedAt", "removedById", "approvedSnapshot" FROM "Annotation" WHERE id = $1`,
    target.id,
  ))!;
  expect(row).toMatchObject({ statementId: null, anchorState: "removed", removedById: sam.id, approvedSnapshot: null });
  const events = await query<{ action: string; actorId: string; comment: string | null }>(
    `SELECT action, "actorId", comment FROM "AuditEvent" WHERE "entityId" = $1 AND action LIKE 'annotation.removal_%' ORDER BY "createdAt"`,
    target.id,
  );
  expect(events).toEqual([
    { action: "annotation.removal_request", actorId: rita.id, comment: REASON },
    { action: "annotation.removal_confirm", actorId: sam.id, comment: REASON },
  ]);
  expect(await queryOne(`SELECT event, "actorId" FROM "AnnotationRevision" WHERE "annotationId" = $1 ORDER BY version DESC LIMIT 1`, target.id)).toEqual({
    event: "removed",
    actorId: sam.id,
  });

  // Readers: no highlight; the article lists the withdrawn verdict with its history.
  await reader.reload();
  await expect(reader.locator(`a.highlight[data-annotation-id="${target.id}"]`)).toHaveCount(0);
  await expect(highlights(reader)).toHaveCount(highlighted - 1);
  const withdrawn = reader.getByTestId("withdrawn").locator(`#withdrawn-${target.id}`);
  await expect(withdrawn).toContainText(`${readerDate(row.removedAt)}: verdict`);
  await expect(withdrawn).toContainText(`Reason: ${REASON}`);
  await expect(withdrawn).toContainText("verdict published");

  // The permalink (the ClaimReview url) explains the removal with its date.
  await reader.goto(`/articles/${copySlug}?annotation=${target.id}`);
  await expect(reader.getByTestId("removed-permalink")).toContainText(`This verdict was removed on ${readerDate(row.removedAt)}: ${REASON}`);
  await expect(reader.getByTestId("stale-permalink")).toHaveCount(0);
  await reader.screenshot({ path: `${SCREENSHOT_DIR}/permalink-removed.png`, fullPage: true });

  // The API item is gone, and says why.
  const api = await reader.request.get(`/api/v1/annotations/${target.id}`);
  expect(api.status()).toBe(410);
  expect(await api.text()).toContain(REASON.slice(0, 40));
  const claimReviews = await (await reader.request.get(`/api/v1/articles/${copySlug}/claimreview`)).text();
  expect(claimReviews).not.toContain(target.id);

  // The corrections log lists it first.
  await reader.goto("/corrections");
  const entry = reader.getByTestId("corrections-log").locator("li").first();
  await expect(entry).toHaveAttribute("data-kind", "withdrawn");
  await expect(entry).toContainText(copyTitle);
  await expect(entry).toContainText(`Reason: ${REASON}`);

  await reader.close();
  await ctxA.close();
  await ctxB.close();
});

test("an orphan is re-attached to a statement of the current text only when a second reviewer confirms", async ({ browser }) => {
  const reader = await browser.newPage();
  await reader.goto(`/articles/${copySlug}`);
  await expect(reader.getByTestId("orphans")).toContainText(orphan.quote);

  const { context: ctxA, page: a } = await newSignedInPage(browser, REVIEWER, `/review/articles/${copyId}`);
  const section = a.getByTestId("workspace-orphans");
  await expect(section).toContainText(orphan.quote);
  await section.getByLabel("Re-attach to the statement").selectOption(orphan.statementId);
  await section.getByRole("button", { name: "Request re-attachment" }).click();
  await expect(section.getByTestId("pending-reattach")).toContainText("Re-attachment requested by Rita Reviewer");
  await expect(section.getByTestId("reattach-decision-refusal")).toHaveText("You asked for this re-attachment, so a second reviewer must confirm it.");
  await a.screenshot({ path: `${SCREENSHOT_DIR}/workspace-pending-reattach.png`, fullPage: true });

  // Until confirmed, readers still see it as no longer in the article.
  await reader.reload();
  await expect(reader.getByTestId("orphans")).toContainText(orphan.quote);
  await expect(reader.locator(`a.highlight[data-annotation-id="${orphan.id}"]`)).toHaveCount(0);

  const { context: ctxB, page: b } = await newSignedInPage(browser, REVIEWER2, `/review/articles/${copyId}`);
  await expect(b.getByTestId("pending-requests")).toContainText("re-attachment of an annotation no longer in the article");
  await b.getByTestId("workspace-orphans").getByRole("button", { name: "Confirm re-attachment…" }).click();
  await b.getByRole("form", { name: "Confirm re-attachment" }).getByRole("button", { name: "Confirm re-attachment", exact: true }).click();
  await expect(b.getByTestId("reattached-notice")).toBeVisible();
  await expect(b.locator(`[data-selected-statement="${orphan.statementId}"]`)).toBeVisible();
  await expect(b.getByTestId("workspace-orphans")).toHaveCount(0);

  expect(await queryOne(`SELECT "statementId", "anchorState", "reattachRequestedById" FROM "Annotation" WHERE id = $1`, orphan.id)).toEqual({
    statementId: orphan.statementId,
    anchorState: "anchored",
    reattachRequestedById: null,
  });
  expect((await query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1 AND action LIKE 'annotation.reattach_%' ORDER BY "createdAt"`, orphan.id)).map((e) => e.action)).toEqual([
    "annotation.reattach_request",
    "annotation.reattach_confirm",
  ]);
  await reader.reload();
  await expect(reader.locator(`a.highlight[data-annotation-id="${orphan.id}"]`)).toHaveCount(1);
  await expect(reader.getByTestId("orphans")).toHaveCount(0);

  await reader.close();
  await ctxA.close();
  await ctxB.close();
});
