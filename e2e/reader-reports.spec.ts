import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { REVIEWER, newSignedInPage } from "./helpers/review";
import { count, queryOne } from "./helpers/db";
import { DEMO_PATH, DEMO_SLUG, demoAnnotations, details } from "./helpers/reader";

const SCREENSHOT_DIR = process.env.REPORTS_SCREENSHOT_DIR || "/tmp/reports-screenshots";

/** Serious or critical WCAG 2.1 A/AA violations on the current page. */
async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  expect(serious, `axe on ${what}`).toEqual([]);
}

test("without JavaScript a reader reports a problem; a reviewer declines it with a reason; the reader's private link shows it", async ({ browser }) => {
  const stamp = Date.now();
  const email = `reader-${stamp}@example.net`;
  const message = `The <b>2019</b> speech said it first (${stamp}).`;
  const declineReason = `The 2019 speech is about another treaty (${stamp}).`;
  const [annotation] = await demoAnnotations();

  // The reader, without JavaScript, from the annotation's permalink.
  const readerContext = await browser.newContext({ javaScriptEnabled: false });
  const reader = await readerContext.newPage();
  await reader.goto(`${DEMO_PATH}?annotation=${annotation.id}`);
  await details(reader, annotation.id).getByRole("link", { name: "Report a problem" }).click();
  await expect(reader).toHaveURL(new RegExp(`/articles/${DEMO_SLUG}/annotation/${annotation.id}/report$`));
  await expect(reader.getByRole("heading", { name: "Report a problem" })).toBeVisible();

  // An earlier source without its address: refused with the field's message, and the text is still there.
  await reader.getByLabel("There is an earlier source").check();
  await reader.getByLabel("Tell us what is wrong").fill(message);
  await reader.getByRole("button", { name: "Send report" }).click();
  await expect(reader.getByText("Give the address of the earlier source.")).toBeVisible();
  await expect(reader.getByLabel("Tell us what is wrong")).toHaveValue(message);
  await expect(reader.getByLabel("There is an earlier source")).toBeChecked();
  expect(await count(`SELECT COUNT(*)::int AS n FROM "ReaderReport" WHERE message = $1`, message)).toBe(0);

  await reader.getByLabel("Address of the earlier source").fill("https://example.org/2019/speech");
  await reader.getByLabel("Your email (optional)").fill(email);
  await reader.screenshot({ path: `${SCREENSHOT_DIR}/report-form.png`, fullPage: true });
  await reader.getByRole("button", { name: "Send report" }).click();

  await expect(reader).toHaveURL(/\/reports\/[A-Za-z0-9_-]{43}\?sent=1$/);
  const followUrl = reader.url().replace(/\?sent=1$/, "");
  await expect(reader.getByTestId("report-sent")).toContainText("Keep this page’s address");
  await expect(reader.getByTestId("report-state")).toContainText("Received, not yet read");
  await expect(reader.getByText(message)).toBeVisible(); // as text: the markup is shown, not applied

  const row = (await queryOne<{ id: string; state: string; reason: string; email: string; earlierSourceUrl: string; followTokenHash: string }>(
    `SELECT id, state, reason, email, "earlierSourceUrl", "followTokenHash" FROM "ReaderReport" WHERE message = $1`,
    message,
  ))!;
  expect(row).toMatchObject({ state: "new", reason: "earlier_source", email, earlierSourceUrl: "https://example.org/2019/speech" });
  expect(followUrl).not.toContain(row.followTokenHash);
  expect(await count(`SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE action = 'reader_report.create' AND "entityId" = $1`, row.id)).toBe(1);

  // The private link is never stored by a shared cache and is never sent on as a referrer.
  const response = await reader.request.get(followUrl);
  expect(response.headers()["cache-control"]).toContain("no-store");
  expect(response.headers()["referrer-policy"]).toBe("no-referrer");

  // The email is on no public output.
  for (const path of [`/api/v1/articles/${DEMO_SLUG}/annotations`, `/api/v1/articles/${DEMO_SLUG}/annotations.csv`, `/api/v1/annotations/${annotation.id}`, "/corrections", "/methodology", followUrl]) {
    const body = await (await reader.request.get(path)).text();
    expect(body, path).not.toContain(email);
  }

  // The reviewer: the desk links the queue with its count of new reports.
  const { context: reviewerContext, page: desk } = await newSignedInPage(browser, REVIEWER);
  await expect(desk.getByTestId("reader-reports-link")).toHaveText(/Reader reports \(\d+ new\)/);
  await desk.getByTestId("reader-reports-link").click();
  await expect(desk.getByRole("heading", { name: "Reader reports" })).toBeVisible();
  const card = desk.locator(`[data-report-id="${row.id}"]`);
  await expect(card.getByTestId("report-text")).toHaveText(message);
  await expect(card.getByTestId("reporter-email")).toHaveText(email);
  await expect(card.getByRole("link", { name: "https://example.org/2019/speech" })).toHaveAttribute("rel", "noopener noreferrer nofollow");
  await desk.screenshot({ path: `${SCREENSHOT_DIR}/report-queue.png`, fullPage: true });
  await expectAccessible(desk, "the report queue");

  // A decline needs its reason.
  await card.getByRole("button", { name: "Decline" }).click();
  await expect(card.getByText("Give the reason: the reader sees it.")).toBeVisible();
  expect((await queryOne<{ state: string }>(`SELECT state FROM "ReaderReport" WHERE id = $1`, row.id))!.state).toBe("new");
  await card.getByLabel("Reason for declining (the reader sees it)").fill(declineReason);
  await card.getByRole("button", { name: "Decline" }).click();
  await expect(desk.getByTestId("triage-done")).toContainText("Declined: the reader’s link shows your reason.");
  // The open queue no longer lists it; the declined filter does.
  await expect(desk.locator(`[data-report-id="${row.id}"]`)).toHaveCount(0);
  await desk.getByRole("navigation", { name: "Filter reports by state" }).getByRole("link", { name: /^Declined/ }).click();
  await expect(desk.locator(`[data-report-id="${row.id}"]`)).toContainText(declineReason);

  const triaged = (await queryOne<{ state: string; declineReason: string; triagedAt: Date | null; closedAt: Date | null; version: number }>(
    `SELECT state, "declineReason", "triagedAt", "closedAt", version FROM "ReaderReport" WHERE id = $1`,
    row.id,
  ))!;
  expect(triaged).toMatchObject({ state: "declined", declineReason, version: 2 });
  expect(triaged.triagedAt).not.toBeNull();
  expect(triaged.closedAt).not.toBeNull();
  const audit = (await queryOne<{ actorLabel: string; after: { state: string; declineReason: string } }>(
    `SELECT "actorLabel", after FROM "AuditEvent" WHERE action = 'reader_report.triage' AND "entityId" = $1`,
    row.id,
  ))!;
  expect(audit).toMatchObject({ actorLabel: REVIEWER.email, after: { state: "declined", declineReason } });

  // Back to the reader's private link (still without JavaScript): the state and the reason.
  await reader.goto(followUrl);
  await expect(reader.getByTestId("report-state")).toHaveAttribute("data-state", "declined");
  await expect(reader.getByTestId("decline-reason")).toContainText(declineReason);
  await expect(reader.getByText(REVIEWER.email)).toHaveCount(0);
  await reader.screenshot({ path: `${SCREENSHOT_DIR}/report-follow.png`, fullPage: true });

  // The methodology page counts it.
  await reader.goto("/methodology");
  await expect(reader.getByTestId("report-counts")).toContainText(/declined \d+/);
  await expect(reader.getByTestId("report-counts")).not.toContainText("declined 0");
  await reader.getByTestId("report-counts").screenshot({ path: `${SCREENSHOT_DIR}/methodology-report-counts.png` });

  // axe needs JavaScript: the same two pages in a browser that has it.
  const axeContext = await browser.newContext();
  const axePage = await axeContext.newPage();
  await axePage.goto(`/articles/${DEMO_SLUG}/annotation/${annotation.id}/report`);
  await expectAccessible(axePage, "the report form");
  await axePage.goto(followUrl);
  await expectAccessible(axePage, "the follow page");

  await axeContext.close();
  await reviewerContext.close();
  await readerContext.close();
});

test("an unknown follow token or annotation is a 404, and the honeypot stores nothing", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  expect((await page.goto(`/reports/${"A".repeat(43)}`))!.status()).toBe(404);
  expect((await page.goto(`/articles/${DEMO_SLUG}/annotation/not-an-annotation/report`))!.status()).toBe(404);

  const [annotation] = await demoAnnotations();
  const before = await count(`SELECT COUNT(*)::int AS n FROM "ReaderReport"`);
  await page.goto(`/articles/${DEMO_SLUG}/annotation/${annotation.id}/report`);
  await page.getByLabel("Something else").check();
  await page.getByLabel("Tell us what is wrong").fill("Buy cheap watches");
  // What a bot does: it fills in every field, the hidden one too.
  await page.locator('input[name="website"]').evaluate((input: HTMLInputElement) => (input.value = "https://spam.example"));
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByTestId("report-received")).toContainText("Thank you");
  expect(await count(`SELECT COUNT(*)::int AS n FROM "ReaderReport"`)).toBe(before);
  await context.close();
});

test("a reviewer acknowledges a report, then accepts it with the approved revision it led to; /corrections says a reader reported it", async ({ browser }) => {
  const stamp = Date.now();
  const message = `The speaker is the deputy minister, not the minister (${stamp}).`;
  const annotation = (await demoAnnotations()).at(-1)!;

  const readerContext = await browser.newContext({ javaScriptEnabled: false });
  const reader = await readerContext.newPage();
  await reader.goto(`/articles/${DEMO_SLUG}/annotation/${annotation.id}/report`);
  await reader.getByLabel("The attribution is wrong (who said it)").check();
  await reader.getByLabel("Tell us what is wrong").fill(message);
  await reader.getByRole("button", { name: "Send report" }).click();
  await expect(reader).toHaveURL(/\/reports\/[A-Za-z0-9_-]{43}\?sent=1$/);
  const followUrl = reader.url().replace(/\?sent=1$/, "");
  const report = (await queryOne<{ id: string; email: string | null }>(`SELECT id, email FROM "ReaderReport" WHERE message = $1`, message))!;
  expect(report.email).toBeNull();

  const { context: reviewerContext, page } = await newSignedInPage(browser, REVIEWER, "/review/reports");
  const card = page.locator(`[data-report-id="${report.id}"]`);
  // No revision approved since the report: nothing to link yet.
  await expect(card.getByText("To accept, correct the annotation and have it approved")).toBeVisible();
  await card.getByRole("button", { name: "Acknowledge" }).click();
  await expect(page.getByTestId("triage-done")).toContainText("Acknowledged");
  await expect(card).toHaveAttribute("data-state", "acknowledged");
  await reader.goto(followUrl);
  await expect(reader.getByTestId("report-state")).toContainText("a reviewer is looking into it");

  // The fix: an approval of the annotation after the report (its content unchanged; the workspace flow is tested elsewhere).
  const version = (await queryOne<{ version: number }>(`UPDATE "Annotation" SET version = version + 1 WHERE id = $1 RETURNING version`, annotation.id))!.version;
  const revision = (await queryOne<{ id: string }>(
    `INSERT INTO "AnnotationRevision" (id, "annotationId", version, event, "workflowState", content, "statusSlug", "typeSlug", start, "end", "articleRevision", "editorIds", "actorId", "approverId", comment, "createdAt")
     SELECT 'rev-report-' || $2::text, "annotationId", $3, 'approved', 'approved', content, "statusSlug", "typeSlug", start, "end", "articleRevision", '{}', "actorId", "approverId", $4, now()
       FROM "AnnotationRevision" WHERE "annotationId" = $1 ORDER BY version DESC LIMIT 1
     RETURNING id`,
    annotation.id,
    String(stamp),
    version,
    `Speaker corrected after a reader's report (${stamp}).`,
  ))!;

  await page.reload();
  await expect(card.getByLabel("The revision it led to")).toHaveValue(revision.id);
  await card.getByRole("button", { name: "Accept" }).click();
  await expect(page.getByTestId("triage-done")).toContainText("Accepted");
  expect(await queryOne(`SELECT state, "acceptedRevisionId" FROM "ReaderReport" WHERE id = $1`, report.id)).toEqual({ state: "accepted", acceptedRevisionId: revision.id });
  expect(await count(`SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE action = 'reader_report.triage' AND "entityId" = $1`, report.id)).toBe(2);

  await reader.goto(followUrl);
  await expect(reader.getByTestId("report-state")).toHaveAttribute("data-state", "accepted");
  await reader.goto("/corrections");
  const entry = reader.getByTestId("corrections-log").locator("li").filter({ hasText: `Speaker corrected after a reader's report (${stamp}).` });
  await expect(entry.getByTestId("reader-reported")).toHaveText("Reported by a reader");
  await expect(entry).toContainText("Fact-check revised");
  await reader.screenshot({ path: `${SCREENSHOT_DIR}/corrections-reported.png` });

  await reviewerContext.close();
  await readerContext.close();
});
