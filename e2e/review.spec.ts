import { expect, test, type Page } from "@playwright/test";
import path from "node:path";
import { REVIEWER, REVIEWER2, createThrowawayReviewer, importPasted, newSignedInPage, openStatement, signIn, approve } from "./helpers/review";
import { count, query, queryOne } from "./helpers/db";

const FIXTURE = path.join(__dirname, "fixtures", "review-article.txt");

async function annotate(page: Page, opts: { type: string; status: string; attribution?: string; speaker?: string; role?: string; date?: string; hops?: { name: string; kind: string; url: string; date: string }[]; evidence?: string }) {
  const form = page.getByRole("form", { name: "Annotation" });
  await form.getByLabel("Claim type").selectOption({ label: opts.type });
  await form.getByLabel("Verification status").selectOption({ label: opts.status });
  if (opts.attribution) await form.getByLabel("Attribution").fill(opts.attribution);
  if (opts.speaker) await form.getByLabel("Speaker", { exact: true }).fill(opts.speaker);
  if (opts.role) await form.getByLabel("Role").fill(opts.role);
  if (opts.date) await form.getByLabel("Claim date").fill(opts.date);
  for (const [i, hop] of (opts.hops ?? []).entries()) {
    await form.getByRole("button", { name: "Add hop" }).click();
    const group = form.getByRole("group", { name: `Hop ${i + 1}` });
    await group.getByLabel("Source name").fill(hop.name);
    await group.getByLabel("Source kind").selectOption({ label: hop.kind });
    await group.getByLabel("Source URL").fill(hop.url);
    await group.getByLabel("Source date").fill(hop.date);
  }
  await form.getByLabel("Rationale").fill("Checked against the **original** statement.");
  if (opts.evidence) {
    await form.getByRole("button", { name: "Add evidence link" }).click();
    const ev = form.getByRole("group", { name: "Evidence 1" });
    await ev.getByLabel("Evidence URL").fill(opts.evidence);
    await ev.getByLabel("Evidence title").fill("Primary source");
    await ev.getByLabel("Stance").selectOption("supports");
  }
}

test.describe("reviewer workspace", () => {
  test("import from a file, annotate three statements, second reviewer approves, publish, reader sees it", async ({ browser }) => {
    const title = `E2E provenance check ${Date.now()}`;
    const { context: ctxA, page } = await newSignedInPage(browser, REVIEWER);
    await page.goto("/review/new");
    await page.getByLabel("Title").fill(title);
    await page.getByLabel("Outlet").fill("E2E Times");
    await page.getByLabel("Byline").fill("Test Writer");
    await page.getByLabel("Original URL").fill("https://example.com/e2e-article");
    await page.getByLabel("Published").fill("2025-06-27");
    await page.getByLabel("Language").fill("en");
    await page.getByLabel(/^File/).setInputFiles(FIXTURE);
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByRole("heading", { name: /Proposed statements \(\d+\)/ })).toBeVisible();
    const proposed = await page.getByTestId("proposed-statements").locator("li").count();
    expect(proposed).toBeGreaterThanOrEqual(5);
    await expect(page.getByLabel("Article text")).toHaveValue(/Ottawa Convention/);
    expect(await count(`SELECT COUNT(*)::int AS n FROM "Article" WHERE title = $1`, title)).toBe(0);
    await page.screenshot({ path: test.info().outputPath("review-import-preview.png"), fullPage: true });
    // The fixture is the demo's own article: the preview warns that it is already on the desk, and the reviewer
    // confirms on purpose (the warning itself is covered in claims.spec.ts).
    const again = page.getByLabel(/Import it again anyway/);
    if (await again.isVisible()) await again.check();
    // The file was read at the preview: the import sends its text (now in the form), not the file a second time (a
    // body with a file part would not even be readable here: Chromium leaves such bodies out of the request).
    const importRequest = page.waitForRequest((r) => r.method() === "POST" && /name="(_\d+_)?intent"\r\n\r\nimport/.test(r.postDataBuffer()?.toString("latin1") ?? ""));
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const importBody = (await importRequest).postDataBuffer()!.toString("latin1");
    expect(importBody).toContain("Ottawa Convention");
    expect(importBody).not.toMatch(/filename="[^"]+"/);
    await page.waitForURL(/\/review\/articles\/[^/?]+/);
    const articleId = new URL(page.url()).pathname.split("/").pop()!;
    const article = (await queryOne<{ slug: string; state: string; outlet: string }>(`SELECT slug, state, outlet FROM "Article" WHERE id = $1`, articleId))!;
    expect(article).toMatchObject({ state: "draft", outlet: "E2E Times" });
    expect(await count(`SELECT COUNT(*)::int AS n FROM "Statement" WHERE "articleId" = $1`, articleId)).toBe(proposed);
    expect(await count(`SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE action = 'article.import' AND "entityId" = $1`, articleId)).toBe(1);

    // Keyboard: j/k move between statements.
    const statements = page.locator("[data-statement-id]");
    await statements.first().focus();
    await page.keyboard.press("j");
    await expect(statements.nth(1)).toBeFocused();
    await page.keyboard.press("k");
    await expect(statements.first()).toBeFocused();

    // Statement 1: official statement with a two-hop provenance chain.
    await openStatement(page, 1);
    await annotate(page, {
      type: "Official statement",
      status: "Verified",
      attribution: "a spokesperson for the Estonian foreign ministry",
      speaker: "Estonian foreign ministry",
      role: "Spokesperson",
      date: "2025-06-27",
      hops: [
        { name: "Estonian foreign ministry", kind: "Government", url: "https://vm.ee/en", date: "2025-06-27" },
        { name: "Interfax", kind: "Wire agency", url: "https://interfax.com", date: "2025-06-27" },
      ],
      evidence: "https://vm.ee/en/news",
    });
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Saved and submitted for review.")).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("review-workspace.png"), fullPage: true });

    // Statement 2 and 3, other types.
    await openStatement(page, 2);
    await annotate(page, { type: "Author's assertion", status: "Partly true", date: "2025" });
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Saved and submitted for review.")).toBeVisible();
    await openStatement(page, 3);
    await annotate(page, { type: "News report / newspaper quote", status: "Unverified", attribution: "According to the news agency Interfax", speaker: "Interfax" });
    await page.getByRole("button", { name: "Submit for review" }).click();
    await expect(page.getByText("Saved and submitted for review.")).toBeVisible();

    const rows = await query<{ id: string; workflowState: string; type: string }>(
      `SELECT a.id, a."workflowState", t.slug AS type FROM "Annotation" a JOIN "ClaimType" t ON t.id = a."claimTypeId" WHERE a."articleId" = $1 ORDER BY a."positionStart"`,
      articleId,
    );
    expect(rows.map((r) => [r.type, r.workflowState])).toEqual([
      ["official-statement", "in_review"],
      ["author-assertion", "in_review"],
      ["news-report", "in_review"],
    ]);
    const chain = await query(`SELECT s.name FROM "ProvenanceHop" h JOIN "Source" s ON s.id = h."sourceId" WHERE h."annotationId" = $1 ORDER BY h.position`, rows[0].id);
    expect(chain).toEqual([{ name: "Estonian foreign ministry" }, { name: "Interfax" }]);

    // Self-approval: the author sees why, and a direct call of the action is refused by the server.
    await openStatement(page, 1);
    const review = page.getByRole("form", { name: "Second review" });
    await expect(review.getByText(/You wrote this annotation/)).toBeVisible();
    await expect(review.getByRole("button", { name: "Approve" })).toBeDisabled();
    await review.getByRole("button", { name: "Approve" }).evaluate((b) => b.removeAttribute("disabled"));
    await review.getByRole("button", { name: "Approve" }).click();
    await expect(review.getByRole("alert").filter({ hasText: /You wrote this annotation/ })).toBeVisible();
    expect(await queryOne(`SELECT "workflowState", "approvedSnapshot" FROM "Annotation" WHERE id = $1`, rows[0].id)).toEqual({ workflowState: "in_review", approvedSnapshot: null });

    // The second reviewer sees the three on the desk and approves them.
    const { context: ctxB, page: pageB } = await newSignedInPage(browser, REVIEWER2);
    const waiting = pageB.getByTestId("waiting-for-me");
    for (const r of rows) await expect(waiting.locator(`[data-annotation-id="${r.id}"]`)).toBeVisible();
    await pageB.screenshot({ path: test.info().outputPath("review-desk.png"), fullPage: true });
    await pageB.goto(`/review/articles/${articleId}`);
    for (const n of [1, 2, 3]) {
      await openStatement(pageB, n);
      const form = pageB.getByRole("form", { name: "Second review" });
      await approve(form);
      await expect(pageB.locator("[data-selected-statement] h2").first()).toContainText("Approved");
      await expect(form).toBeHidden();
    }
    const approved = await query<{ workflowState: string; approvedTypeSlug: string }>(
      `SELECT "workflowState", "approvedTypeSlug", "approvedStatusSlug", "approverId" FROM "Annotation" WHERE "articleId" = $1 ORDER BY "positionStart"`,
      articleId,
    );
    expect(approved.map((a) => a.workflowState)).toEqual(["approved", "approved", "approved"]);
    expect(approved.map((a) => a.approvedTypeSlug)).toEqual(["official-statement", "author-assertion", "news-report"]);

    // History: the timeline shows who did what.
    await openStatement(pageB, 1);
    const history = pageB.getByTestId("history");
    await expect(history.locator('[data-action="annotation.approve"]')).toContainText("Sam Second");
    await expect(history.locator('[data-action="annotation.create"]')).toContainText("Rita Reviewer");

    await pageB.getByRole("button", { name: "Publish" }).click();
    await expect(pageB.getByText(/^Published: readers/)).toBeVisible();
    expect(await queryOne(`SELECT state FROM "Article" WHERE id = $1`, articleId)).toEqual({ state: "published" });
    expect(await count(`SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE action = 'article.publish' AND "entityId" = $1`, articleId)).toBe(1);

    // The reader page (anonymous) shows the three highlights.
    const reader = await browser.newPage();
    await reader.goto(`/articles/${article.slug}`);
    const highlights = reader.locator("[data-annotation-id]");
    await expect(highlights).toHaveCount(3);
    await expect(reader.locator(`[data-annotation-id="${rows[0].id}"]`)).toHaveAttribute("data-status", "verified");
    await expect(reader.locator(`[data-annotation-id="${rows[0].id}"]`)).toHaveAttribute("data-claim-type", "official-statement");
    await expect(reader.locator(`[data-annotation-id="${rows[1].id}"]`)).toHaveAttribute("data-claim-type", "author-assertion");
    await expect(reader.locator(`[data-annotation-id="${rows[2].id}"]`)).toHaveAttribute("data-status", "unverified");
    await reader.close();
    await ctxA.close();
    await ctxB.close();
  });

  test("a concurrent edit is refused with the other reviewer's changes, and can be reapplied", async ({ browser }) => {
    const { context: ctxA, page: a } = await newSignedInPage(browser, REVIEWER);
    const articleId = await importPasted(a, `E2E conflict ${Date.now()}`, "The minister said the budget would grow by 5 percent next year.\n\nOpposition leaders disputed the figure on Monday.");
    const statementId = await openStatement(a, 0);
    await a.getByRole("form", { name: "Annotation" }).getByLabel("Claim type").selectOption({ label: "Statistic" });
    await a.getByLabel("Role").fill("Minister");
    await a.getByRole("button", { name: "Save draft" }).click();
    await expect(a.getByText("Draft saved.")).toBeVisible();

    const { context: ctxB, page: b } = await newSignedInPage(browser, REVIEWER2, `/review/articles/${articleId}?s=${statementId}`);
    await expect(b.getByLabel("Role")).toHaveValue("Minister");

    // A saves first…
    await a.getByLabel("Role").fill("Finance minister");
    await a.getByRole("button", { name: "Save draft" }).click();
    await expect(a.getByText("Draft saved.")).toBeVisible();
    // …then B, from the older version.
    await b.getByLabel("Rationale").fill("The ministry's own budget tables show 4.8 percent.");
    await b.getByRole("button", { name: "Save draft" }).click();
    const conflict = b.getByTestId("conflict");
    await expect(conflict).toBeVisible();
    await expect(conflict).toContainText("Rita Reviewer saved this annotation");
    const roleRow = conflict.locator('tr[data-field="speakerRole"]');
    await expect(roleRow).toContainText("Minister");
    await expect(roleRow).toContainText("Finance minister");
    await expect(b.getByLabel("Rationale")).toHaveValue("The ministry's own budget tables show 4.8 percent.");
    const saved = () => queryOne(`SELECT version, "speakerRole", rationale FROM "Annotation" WHERE "statementId" = $1`, statementId);
    expect(await saved()).toEqual({ version: 2, speakerRole: "Finance minister", rationale: "" });

    await conflict.getByRole("button", { name: "Reapply my edit on version 2" }).click();
    await expect(conflict).toBeHidden();
    // B's form still holds B's values (including the older role): B takes A's role, keeps the rationale, saves.
    await b.getByLabel("Role").fill("Finance minister");
    await b.getByRole("button", { name: "Save draft" }).click();
    await expect(b.getByText("Draft saved.")).toBeVisible();
    expect(await saved()).toEqual({
      version: 3,
      speakerRole: "Finance minister",
      rationale: "The ministry's own budget tables show 4.8 percent.",
    });
    await ctxA.close();
    await ctxB.close();
  });

  test("a span selected with the mouse becomes a statement; an annotated statement splits only after confirmation", async ({ page }) => {
    await signIn(page, REVIEWER);
    const text = "Officials said the bridge would open in May, and that it cost 40 million euros to build.\n\nResidents welcomed the news.";
    const articleId = await importPasted(page, `E2E spans ${Date.now()}`, text);
    // Select "40 million euros" with the mouse (a drag over the words).
    const target = "40 million euros";
    const box = await page.evaluate((needle) => {
      const root = document.getElementById("workspace-text")!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = n.textContent!.indexOf(needle);
        if (i >= 0) {
          const r = document.createRange();
          r.setStart(n, i);
          r.setEnd(n, i + needle.length);
          const rects = r.getClientRects();
          const first = rects[0];
          const last = rects[rects.length - 1];
          return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
        }
      }
      return null;
    }, target);
    expect(box).not.toBeNull();
    await page.mouse.move(box!.x1, box!.y1);
    await page.mouse.down();
    await page.mouse.move(box!.x2, box!.y2, { steps: 5 });
    await page.mouse.up();
    const bar = page.getByRole("region", { name: "Selected text" });
    await expect(bar).toContainText(target);
    await bar.getByRole("button", { name: "Make this a statement" }).click();
    await expect(page.locator("[data-selected-statement] blockquote")).toHaveText(target);
    const start = text.indexOf(target);
    const manual = await queryOne(`SELECT start, "end", origin FROM "Statement" WHERE "articleId" = $1 AND origin = 'manual'`, articleId);
    expect(manual).toEqual({ start, end: start + target.length, origin: "manual" });
    const all = await query<{ start: number; end: number }>(`SELECT start, "end" FROM "Statement" WHERE "articleId" = $1 ORDER BY start`, articleId);
    for (let i = 1; i < all.length; i++) expect(all[i].start).toBeGreaterThanOrEqual(all[i - 1].end);

    // Annotate the first statement, then split it: the confirmation says where the annotation goes.
    await openStatement(page, 0);
    await page.getByRole("form", { name: "Annotation" }).getByLabel("Claim type").selectOption({ label: "Official statement" });
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft saved.")).toBeVisible();
    await page.getByRole("button", { name: "Split…" }).click();
    const split = page.getByRole("form", { name: "Split statement" });
    await split.getByLabel("The second part").check();
    await expect(split.getByText(/The annotation will move to the second part/)).toBeVisible();
    await split.getByRole("button", { name: "Confirm split" }).click();
    await expect(page.locator("[data-statement-id]")).toHaveCount(all.length + 1);
    const ann = (await queryOne<{ start: number }>(`SELECT s.start FROM "Annotation" a JOIN "Statement" s ON s.id = a."statementId" WHERE a."articleId" = $1`, articleId))!;
    expect(ann.start).toBeGreaterThan(0);
  });

  test("import refuses empty text, a binary file and a title over 300 characters, saving nothing", async ({ page }) => {
    await signIn(page, REVIEWER, "/review/new");
    const articles = () => count(`SELECT COUNT(*)::int AS n FROM "Article"`);
    const before = await articles();
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("The article text is empty", { exact: false }).first()).toBeVisible();
    await page.getByLabel("Title").fill("x".repeat(301));
    await page.getByLabel("Article text").fill("Some text. More text.");
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText("Title must be at most 300 characters.").first()).toBeVisible();
    await expect(page.getByLabel("Article text")).toHaveValue("Some text. More text.");
    await page.getByLabel("Title").fill("Binary");
    await page.getByLabel(/^File/).setInputFiles({ name: "image.txt", mimeType: "text/plain", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x1a]) });
    await page.getByRole("button", { name: "Preview" }).click();
    await expect(page.getByText(/looks binary/).first()).toBeVisible();
    await page.getByLabel(/^File/).setInputFiles({ name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(2 * 1024 * 1024 + 10, 0x61) });
    await expect(page.getByText(/larger than 2 MB/).first()).toBeVisible();
    expect(await articles()).toBe(before);
  });

  test("a deactivated reviewer's open session stops working at the next request", async ({ page }) => {
    const user = await createThrowawayReviewer("deactivated");
    await signIn(page, user);
    await expect(page.getByRole("heading", { name: "Review desk" })).toBeVisible();
    const articleId = await importPasted(page, `E2E deactivated ${Date.now()}`, "A short article. It has two statements.");
    await openStatement(page, 0);
    await page.getByRole("form", { name: "Annotation" }).getByLabel("Claim type").selectOption({ label: "Statistic" });

    await query(`UPDATE "User" SET active = false WHERE id = $1`, user.id);

    // The next action is refused…
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText(/Your session has ended or your account is no longer active/)).toBeVisible();
    expect(await count(`SELECT COUNT(*)::int AS n FROM "Annotation" WHERE "articleId" = $1`, articleId)).toBe(0);
    // …and so is the next page.
    await page.goto("/review");
    await expect(page).toHaveURL(/\/login/);
  });

  test("an approved annotation leaves the reader only when a second reviewer confirms its removal; the neighbours can then merge", async ({ browser }) => {
    const { context: ctxA, page: a } = await newSignedInPage(browser, REVIEWER);
    const articleId = await importPasted(a, `E2E delete ${Date.now()}`, "The minister said the budget would grow by 5 percent next year.\n\nOpposition leaders disputed the figure on Monday.");
    const first = await openStatement(a, 0);
    const form = a.getByRole("form", { name: "Annotation" });
    await form.getByLabel("Claim type").selectOption({ label: "Statistic" });
    await form.getByLabel("Speaker kind").selectOption("person");
    // A refused save keeps every field as the reviewer left it (selects included) and shows the error next to the field.
    await form.getByRole("button", { name: "Add evidence link" }).click();
    await expect(form.getByRole("group", { name: "Evidence 1" }).getByLabel("Evidence URL")).toBeFocused();
    await form.getByRole("group", { name: "Evidence 1" }).getByLabel("Evidence URL").fill("javascript:alert(1)");
    await form.getByRole("button", { name: "Submit for review" }).click();
    await expect(form.locator("#f-evidence\\.0\\.url-error")).toHaveText(/must be a web address starting with http/);
    await expect(form.getByLabel("Claim type")).toHaveValue("statistic");
    await expect(form.getByLabel("Speaker kind")).toHaveValue("person");
    await form.getByRole("group", { name: "Evidence 1" }).getByLabel("Evidence URL").fill("https://example.org/budget");
    await form.getByRole("button", { name: "Submit for review" }).click();
    await expect(a.getByText("Saved and submitted for review.")).toBeVisible();
    const secondId = await openStatement(a, 1);
    await a.getByRole("form", { name: "Annotation" }).getByLabel("Claim type").selectOption({ label: "Author's assertion" });
    await a.getByRole("button", { name: "Submit for review" }).click();
    await expect(a.getByText("Saved and submitted for review.")).toBeVisible();

    const { context: ctxB, page: b } = await newSignedInPage(browser, REVIEWER2, `/review/articles/${articleId}?s=${first}`);
    await approve(b.getByRole("form", { name: "Second review" }));
    await expect(b.locator("[data-selected-statement] h2").first()).toContainText("Approved");
    await openStatement(b, 1);
    await approve(b.getByRole("form", { name: "Second review" }));
    await expect(b.locator("[data-selected-statement] h2").first()).toContainText("Approved");
    await b.getByRole("button", { name: "Publish", exact: true }).click();
    await expect(b.getByText(/^Published: readers/)).toBeVisible();
    const { slug } = (await queryOne<{ slug: string }>(`SELECT slug FROM "Article" WHERE id = $1`, articleId))!;
    const ann = (await queryOne<{ id: string; version: number }>(`SELECT id, version FROM "Annotation" WHERE "statementId" = $1`, first))!;
    const reader = await browser.newPage();
    await reader.goto(`/articles/${slug}`);
    await expect(reader.locator("[data-annotation-id]")).toHaveCount(2);
    // The page is served again (from the app's cache), tagged with its article so a CDN purge by tag reaches it.
    const cached = await reader.request.get(`/articles/${slug}`);
    expect(cached.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=30");
    expect(cached.headers()["cache-tag"]?.split(",")).toContain(`article:${slug}`);
    expect(await cached.text()).toContain(`id="annotation-${ann.id}"`);

    // Both annotated: merging is refused with the way out.
    await openStatement(b, 0);
    await b.getByRole("button", { name: "Merge with next…" }).click();
    await expect(b.getByRole("form", { name: "Merge statements" })).toContainText("first delete one of the two annotations");
    await b.getByRole("form", { name: "Merge statements" }).getByRole("button", { name: "Cancel" }).click();

    // An approved annotation is not deleted by one reviewer: "Request removal…" asks for a reason; Cancel keeps it.
    await expect(b.getByRole("button", { name: "Delete annotation…" })).toHaveCount(0);
    await b.getByRole("button", { name: "Request removal…" }).click();
    const confirm = b.getByRole("form", { name: "Request removal" });
    await expect(confirm).toContainText("Readers keep seeing it until another reviewer confirms the removal");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(b.getByRole("button", { name: "Request removal…" })).toBeFocused();
    await b.getByRole("button", { name: "Request removal…" }).click();
    await confirm.getByLabel(/Why should readers no longer see this verdict/).fill("The figure was misquoted.");
    await confirm.getByRole("button", { name: "Request removal", exact: true }).click();
    await expect(b.getByTestId("pending-removal")).toContainText("Reason: “The figure was misquoted.”");
    await expect(b.getByTestId("removal-decision-refusal")).toHaveText("You asked for this removal, so a second reviewer must confirm it.");
    await reader.reload();
    await expect(reader.locator("[data-annotation-id]")).toHaveCount(2);
    // The other reviewer confirms it.
    await a.goto(`/review/articles/${articleId}?s=${first}`);
    await a.getByRole("button", { name: "Confirm removal…" }).click();
    await a.getByRole("form", { name: "Confirm removal" }).getByRole("button", { name: "Confirm removal", exact: true }).click();
    await expect(a.getByTestId("removed-notice")).toBeVisible();
    await expect(a.locator("[data-selected-statement] h2").first()).toContainText("Not annotated");
    expect(await count(`SELECT COUNT(*)::int AS n FROM "Annotation" WHERE id = $1 AND "removedAt" IS NOT NULL AND "statementId" IS NULL`, ann.id)).toBe(1);
    const audit = (await queryOne<{ actorLabel: string; before: Record<string, unknown>; comment: string }>(
      `SELECT "actorLabel", before, comment FROM "AuditEvent" WHERE action = 'annotation.removal_confirm' AND "entityId" = $1`,
      ann.id,
    ))!;
    expect(audit.actorLabel).toBe(REVIEWER.email);
    expect(audit.comment).toBe("The figure was misquoted.");
    expect(audit.before).toMatchObject({ claimType: "Statistic", speakerKind: "person", workflowState: "approved", version: ann.version + 1 });
    await b.reload();
    // The very next request for the page no longer has it.
    const fresh = await reader.request.get(`/articles/${slug}`);
    expect(fresh.headers()["cache-control"]).toBe("public, s-maxage=60, stale-while-revalidate=30");
    expect(await fresh.text()).not.toContain(`id="annotation-${ann.id}"`);
    await reader.reload();
    await expect(reader.locator("[data-annotation-id]")).toHaveCount(1);

    // Now the two statements can be merged; the remaining annotation covers both. It is approved, so the merge is a
    // pending revision: the confirmation says so, and readers keep the approved span until it is approved again.
    await b.getByRole("button", { name: "Merge with next…" }).click();
    const mergeForm = b.getByRole("form", { name: "Merge statements" });
    await expect(mergeForm).toContainText("Readers keep the approved version");
    await mergeForm.getByRole("button", { name: "Confirm merge" }).click();
    await expect(b.locator("[data-statement-id]")).toHaveCount(1);
    const merged = await query<{ statementId: string; quoteExact: string; workflowState: string }>(
      `SELECT "statementId", "quoteExact", "workflowState" FROM "Annotation" WHERE "articleId" = $1 AND "removedAt" IS NULL`,
      articleId,
    );
    expect(merged).toHaveLength(1);
    expect(merged[0].quoteExact).toContain("Opposition leaders disputed the figure on Monday.");
    expect(merged[0].quoteExact).toContain("The minister said");
    expect(merged[0].workflowState).toBe("draft");
    await reader.reload();
    await expect(reader.locator("[data-annotation-id]")).toHaveCount(1);
    await expect(reader.locator("[data-annotation-id]")).toContainText("Opposition leaders disputed the figure on Monday.");
    await expect(reader.locator("[data-annotation-id]")).not.toContainText("The minister said");
    expect(secondId).not.toBe(first);
    await reader.close();
    await ctxA.close();
    await ctxB.close();
  });
  test("a picked source suggestion links that exact source; publishing with nothing approved asks first", async ({ page }) => {
    await signIn(page, REVIEWER);
    const name = `E2E Telegraph ${Date.now()}`;
    const stamp = new Date();
    await query(`INSERT INTO "Source" (id, name, kind, url, date, "createdAt") VALUES ($1, $2, 'news_outlet', $3, $4, $5)`, `e2esrcA${Date.now()}`, name, "https://www.telegraph.co.uk/a", "2025-06-24", stamp);
    const undatedId = `e2esrcB${Date.now()}`;
    await query(`INSERT INTO "Source" (id, name, kind, url, date, "createdAt") VALUES ($1, $2, 'news_outlet', NULL, NULL, $3)`, undatedId, name, stamp);
    const articleId = await importPasted(page, `E2E sources ${Date.now()}`, "The paper reported the withdrawal on Tuesday.\n\nOfficials confirmed it later.");
    await openStatement(page, 0);
    const form = page.getByRole("form", { name: "Annotation" });
    await form.getByLabel("Claim type").selectOption({ label: "News report / newspaper quote" });
    await form.getByRole("button", { name: "Add hop" }).click();
    const hop = form.getByRole("group", { name: "Hop 1" });
    await hop.getByLabel("Source name").fill(name);
    // Two suggestions with the same name, told apart by kind, date and site.
    const options = page.locator("#known-sources option");
    await expect(options).toHaveCount(2);
    const values = await options.evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(values.sort()).toEqual([`${name} — News outlet · 2025-06-24 · telegraph.co.uk`, `${name} — News outlet · undated · no URL`]);
    // Picking a suggestion (what choosing it from the list does) links that source.
    await hop.getByLabel("Source name").fill(`${name} — News outlet · undated · no URL`);
    await expect(hop.getByLabel("Source name")).toHaveValue(name);
    await expect(hop.getByTestId("hop-source")).toHaveText(/^Known source: News outlet · undated · no URL/);
    await hop.screenshot({ path: test.info().outputPath("review-source-suggestions.png") });
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Draft saved.")).toBeVisible();
    const sources = () => count(`SELECT COUNT(*)::int AS n FROM "Source" WHERE name = $1`, name);
    expect(await query(`SELECT h."sourceId" FROM "ProvenanceHop" h JOIN "Annotation" a ON a.id = h."annotationId" WHERE a."articleId" = $1`, articleId)).toEqual([{ sourceId: undatedId }]);
    expect(await sources()).toBe(2);

    // Nothing approved (only a draft): publishing asks, and Cancel publishes nothing.
    const publishing = page.getByRole("form", { name: "Publishing" });
    await publishing.getByRole("button", { name: "Publish…" }).click();
    const confirm = publishing.getByTestId("publish-empty-confirm");
    await expect(confirm).toContainText("Readers will see the article with no sourced statements");
    await page.screenshot({ path: test.info().outputPath("review-publish-empty.png"), fullPage: false });
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(publishing.getByRole("button", { name: "Publish…" })).toBeFocused();
    expect(await queryOne(`SELECT state FROM "Article" WHERE id = $1`, articleId)).toEqual({ state: "draft" });
    await publishing.getByRole("button", { name: "Publish…" }).click();
    await confirm.getByRole("button", { name: "Publish without sourced statements" }).click();
    await expect(page.getByText(/^Published: readers/)).toBeVisible();
    expect(await queryOne(`SELECT state FROM "Article" WHERE id = $1`, articleId)).toEqual({ state: "published" });
    const ev = (await queryOne<{ after: unknown }>(`SELECT after FROM "AuditEvent" WHERE action = 'article.publish' AND "entityId" = $1`, articleId))!;
    expect(ev.after).toEqual({ state: "published", approvedAnnotations: 0 });
    // Leave no empty article on the front page for other specs.
    await publishing.getByRole("button", { name: "Unpublish…" }).click();
    await publishing.getByRole("button", { name: "Unpublish", exact: true }).click();
    await expect(page.getByText(/^Unpublished/)).toBeVisible();
    expect(await queryOne(`SELECT state FROM "Article" WHERE id = $1`, articleId)).toEqual({ state: "draft" });
  });
});
