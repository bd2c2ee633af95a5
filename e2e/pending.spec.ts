import { expect, test } from "@playwright/test";
import { REVIEWER, REVIEWER2, importPasted, newSignedInPage, openStatement, approve } from "./helpers/review";
import { queryOne } from "./helpers/db";

// The workspace's pending rule: while one action is saving, every control that changes data waits, with a
// visible "Saving…" notice. Before it, a click on "Publish…" while "Approve" was saving was lost silently.
test("a click on Publish… while Approve is saving is held off with a Saving… notice, and both then go through", async ({ browser }) => {
  const { context: ctxA, page: a } = await newSignedInPage(browser, REVIEWER);
  const articleId = await importPasted(a, `E2E pending ${Date.now()}`, "The minister said the budget would grow by 5 percent next year.\n\nOpposition leaders disputed the figure on Monday.");
  const first = await openStatement(a, 0);
  await a.getByRole("form", { name: "Annotation" }).getByLabel("Claim type").selectOption({ label: "Author's assertion" });
  await a.getByRole("button", { name: "Submit for review" }).click();
  await expect(a.getByText("Saved and submitted for review.")).toBeVisible();

  const { context: ctxB, page: b } = await newSignedInPage(browser, REVIEWER2, `/review/articles/${articleId}?s=${first}`);
  // Hold every server action of this page for a moment, so "Approve" is still saving when Publish… is reached for.
  await b.route(`**/review/articles/${articleId}**`, async (route) => {
    if (route.request().method() === "POST") await new Promise((resolve) => setTimeout(resolve, 1500));
    await route.continue();
  });
  const publishing = b.getByRole("form", { name: "Publishing" });
  await expect(publishing.getByRole("button", { name: "Publish…" })).toBeEnabled();
  await approve(b.getByRole("form", { name: "Second review" }));
  await expect(b.getByTestId("saving-notice")).toBeVisible();
  await expect(publishing.getByRole("button", { name: "Publish…" })).toBeDisabled();
  // An in-review annotation opens read-only (no "Save draft" until "Edit"): the delete opener stands for the rest.
  await expect(b.getByRole("button", { name: "Delete annotation…" })).toBeDisabled();

  await expect(b.locator("[data-selected-statement] h2").first()).toContainText("Approved");
  await expect(b.getByTestId("saving-notice")).toBeHidden();
  // With one approved annotation, publishing needs no extra confirmation.
  await publishing.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(b.getByText(/^Published: readers/)).toBeVisible();
  expect(await queryOne(`SELECT state FROM "Article" WHERE id = $1`, articleId)).toEqual({ state: "published" });
  expect(await queryOne(`SELECT "workflowState" FROM "Annotation" WHERE "statementId" = $1`, first)).toEqual({ workflowState: "approved" });
  await ctxA.close();
  await ctxB.close();
});
