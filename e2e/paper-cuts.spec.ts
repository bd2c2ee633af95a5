import { expect, test } from "@playwright/test";
import { REVIEWER, REVIEWER2, importPasted, newSignedInPage, openStatement } from "./helpers/review";
import { DEMO_SLUG } from "./helpers/session";
import { count, queryOne } from "./helpers/db";
import { signInAdmin, unique } from "./helpers/admin";

const SCREENSHOT_DIR = process.env.PAPER_CUTS_SCREENSHOT_DIR || "/tmp/paper-cuts-screenshots";

// Newcomer paper cuts (issue 10), each as the person who ran into it sees it.

test("a quoted statement reads with one opening mark on the desk; in review and approved annotations open read-only; the desk names the approver", async ({ browser }) => {
  test.setTimeout(120_000);
  const { context: ctxA, page: a } = await newSignedInPage(browser, REVIEWER);
  await importPasted(a, `E2E paper cuts ${unique()}`, "“With this decision, we close a chapter,” the minister said on Monday.\n\nCritics said the figure was wrong.");
  const first = await openStatement(a, 0);
  const form = a.getByRole("form", { name: "Annotation" });
  await form.getByLabel("Claim type").selectOption({ label: "Official statement" });
  await form.getByLabel("Verification status").selectOption({ label: "Verified" });
  await form.getByLabel("Attribution").fill("the minister said");
  await form.getByLabel("Rationale").fill("Checked against the **ministry** transcript.");
  await form.getByRole("button", { name: "Submit for review" }).click();

  // After "Submit for review" the author sees what happened and what editing would do, not the same two buttons.
  await expect(a.getByText("Saved and submitted for review.")).toBeVisible();
  await expect(a.getByTestId("in-review-note")).toHaveText("In review — waiting for a second reviewer. Editing it returns it to draft unless you resubmit it.");
  const view = a.getByTestId("annotation-read-only");
  await expect(view.locator('[data-field="status"]')).toHaveText("Verified");
  await expect(view.locator('[data-field="rationale"] strong')).toHaveText("ministry");
  await expect(a.getByRole("button", { name: "Save draft" })).toHaveCount(0);
  await expect(a.getByRole("button", { name: "Submit for review" })).toHaveCount(0);
  // The destructive action comes last, after the annotation and its history.
  const editBox = (await a.getByRole("button", { name: "Edit", exact: true }).boundingBox())!;
  const deleteBox = (await a.getByRole("button", { name: "Delete annotation…" }).boundingBox())!;
  const historyBox = (await a.getByTestId("history").boundingBox())!;
  expect(deleteBox.y).toBeGreaterThan(editBox.y);
  expect(deleteBox.y).toBeGreaterThan(historyBox.y);
  await a.screenshot({ path: `${SCREENSHOT_DIR}/paper-cuts-in-review.png`, fullPage: true });
  await a.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(form.getByLabel("Claim type")).toBeFocused();
  await expect(form.getByRole("button", { name: "Save and return to draft" })).toBeVisible();
  await expect(form.getByRole("button", { name: "Save and resubmit for review" })).toBeVisible();
  await form.getByRole("button", { name: "Cancel editing" }).click();
  await expect(a.getByRole("button", { name: "Edit", exact: true })).toBeFocused();
  expect(await queryOne(`SELECT "workflowState" FROM "Annotation" WHERE "statementId" = $1`, first)).toEqual({ workflowState: "in_review" });

  // The second reviewer's desk: the quotation keeps its own opening mark, with no second one added.
  const { context: ctxB, page: b } = await newSignedInPage(browser, REVIEWER2);
  const ann = (await queryOne<{ id: string }>(`SELECT id FROM "Annotation" WHERE "statementId" = $1`, first))!;
  const waiting = b.getByTestId("waiting-for-me").locator(`[data-annotation-id="${ann.id}"]`);
  const quote = waiting.getByRole("link");
  await expect(quote).toHaveText(/^“With this decision, we close a chapter,”/);
  await expect(b.getByTestId("waiting-for-me")).not.toContainText("““");

  // Approved: the approver's workspace opens read-only, with an Edit that says readers keep the approved version.
  await quote.click();
  await b.getByRole("form", { name: "Second review" }).getByRole("button", { name: "Approve" }).click();
  await expect(b.locator("[data-selected-statement] h2").first()).toContainText("Approved");
  await expect(b.getByTestId("annotation-read-only").locator('[data-field="attribution"]')).toContainText("the minister said");
  await expect(b.locator("#edit-note")).toContainText("Editing an approved annotation creates a pending revision");
  await expect(b.getByRole("form", { name: "Annotation" })).toHaveCount(0);
  await b.screenshot({ path: `${SCREENSHOT_DIR}/paper-cuts-approved.png`, fullPage: true });
  await b.getByRole("button", { name: "Edit", exact: true }).click();
  await expect(b.getByRole("form", { name: "Annotation" }).getByLabel("Claim type")).toHaveValue("official-statement");
  await expect(b.getByTestId("form-note")).toContainText("readers keep seeing the approved version");

  // "Recently approved" names the approver, and still says who wrote it.
  await b.goto("/review");
  const approved = b.getByTestId("recently-approved").locator(`[data-annotation-id="${ann.id}"]`);
  await expect(approved.locator('[data-field="approved-by"]')).toContainText("approved by Sam Second (written by Rita Reviewer)");
  await b.screenshot({ path: `${SCREENSHOT_DIR}/paper-cuts-desk.png`, fullPage: true });
  await ctxA.close();
  await ctxB.close();
});

test("a pending invitee reads as Invited, with Resend invitation… and Revoke invitation…", async ({ page }) => {
  const s = unique();
  const email = `paper-cut-${s}@example.com`;
  await signInAdmin(page);
  await page.getByLabel("Name").fill(`Paula Pending ${s}`);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByTestId("invite-message")).toContainText("is invited as a reviewer");
  const row = page.getByTestId(`user-row-${email}`);
  const status = row.locator('[data-field="status"]');
  await expect(status).toContainText("Invited");
  await expect(status).not.toContainText("Active");
  await expect(row.getByRole("button", { name: "Reset password…" })).toHaveCount(0);
  await expect(row.getByRole("button", { name: "Deactivate…" })).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/paper-cuts-invited.png`, fullPage: true });

  await row.getByRole("button", { name: "Resend invitation…" }).click();
  await expect(row.getByRole("group", { name: /Confirm a new invitation/ })).toContainText("The earlier link stops working");
  await row.getByRole("button", { name: "Yes, send a new invitation" }).click();
  await expect(row.getByRole("status")).toContainText("New invitation link for");
  await expect(row.getByTestId("invitation-link")).toBeVisible();
  const userId = (await queryOne<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, email))!.id;
  expect(await count(`SELECT COUNT(*)::int AS n FROM "UserInvitation" WHERE "userId" = $1 AND purpose = 'invite'`, userId)).toBe(2);

  await row.getByRole("button", { name: "Revoke invitation…" }).click();
  await row.getByRole("button", { name: "Yes, revoke invitation" }).click();
  await expect(row.getByRole("status")).toContainText("invitation is revoked");
  await expect(status).toContainText("Invitation revoked");
  expect(await queryOne(`SELECT active FROM "User" WHERE id = $1`, userId)).toEqual({ active: false });
});

test("with JavaScript off the header offers a real Sign in link", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/");
  const header = page.locator("header[role=banner]");
  await expect(header.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(header).not.toContainText("…");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/paper-cuts-no-js.png` });
  await header.getByRole("link", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await context.close();
});

test("on a 390 px phone the first screen of an article shows a sourced statement", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`/articles/${DEMO_SLUG}`);
  await expect(page.locator("[data-annotation-id]").first()).toBeInViewport();
  await expect(page.getByTestId("phone-intro")).toBeVisible();
  // The summary and filters follow the text (still there, one link away).
  const textTop = (await page.locator(".article-text").boundingBox())!.y;
  const summaryTop = (await page.getByTestId("reader-summary").boundingBox())!.y;
  expect(summaryTop).toBeGreaterThan(textTop);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/paper-cuts-phone.png` });
  await page.getByTestId("phone-intro").getByRole("link").click();
  await expect(page.getByTestId("reader-summary")).toBeInViewport();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/paper-cuts-phone-filters.png` });
  await context.close();
});
