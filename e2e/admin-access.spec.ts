import { expect, test, type Browser, type BrowserContext } from "@playwright/test";
import { signIn, ACCOUNTS } from "./helpers/session";
import { count } from "./helpers/db";
import { ADMIN_PAGES, captureAction, dbGet, expectSignInPage, replayAction, signInAdmin, unique, withField, type CapturedAction } from "./helpers/admin";

test.describe.configure({ mode: "serial" });

/** A visitor whose cookie is not a valid session: passes the proxy, so the data layer itself must refuse. */
async function forgedAnonymous(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const ctx = await browser.newContext();
  await ctx.addCookies([{ name: "next-auth.session-token", value: "forged", url: baseURL }]);
  return ctx;
}

test.describe("admin access", () => {
  test("an anonymous visitor is sent to the sign-in page from every admin page, and the CSV export is refused", async ({ page, request }) => {
    for (const path of ADMIN_PAGES) {
      await page.goto(path);
      await expectSignInPage(page, path);
    }
    const res = await request.get("/admin/audit/export", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()["location"]).toContain("/login");
  });

  // The proxy now checks the token's signature, so a forged cookie is sent to sign-in there; the data layer's own
  // refusal of such a visitor is checked by the replays below (actions posted to "/", where the proxy lets them by).
  test("a forged session cookie is sent to sign-in, for the CSV export and the admin pages", async ({ browser, baseURL }) => {
    const ctx = await forgedAnonymous(browser, baseURL as string);
    const res = await ctx.request.get("/admin/audit/export", { maxRedirects: 0 });
    expect(res.status()).toBe(307);
    expect(res.headers()["location"]).toContain("/login");
    expect(await res.text()).not.toContain("created_at");
    const page = await ctx.newPage();
    await page.goto("/admin/users");
    await expect(page).toHaveURL(/\/login\?callbackUrl=/);
    await ctx.close();
  });

  test("a signed-in reviewer gets a 403 page on every admin page, no Admin link, and no CSV", async ({ page }) => {
    await signIn(page, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password);
    await expect(page.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
    for (const path of ADMIN_PAGES) {
      const res = await page.goto(path);
      expect(res?.status(), path).toBe(403);
      await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
      await expect(page.getByText("403 – Forbidden")).toBeVisible();
    }
    const res = await page.request.get("/admin/audit/export?entityType=user", { maxRedirects: 0 });
    expect(res.status()).toBe(403);
    expect(await res.text()).not.toContain("created_at");
  });

  test("an admin sees the Admin link and the admin pages", async ({ page }) => {
    await signIn(page, ACCOUNTS.admin.email, ACCOUNTS.admin.password);
    await page.getByRole("link", { name: "Admin", exact: true }).click();
    await expect(page).toHaveURL(/\/admin\/users$/);
    await expect(page.getByRole("heading", { name: "Reviewers", level: 1 })).toBeVisible();
  });

  test("every admin server action, called directly by a reviewer or an anonymous visitor, is refused and changes nothing", async ({ browser, baseURL }) => {
    test.setTimeout(180_000);
    const s = unique();
    const adminPage = await browser.newPage();
    await signInAdmin(adminPage);
    const reviewerCtx = await browser.newContext();
    const reviewerPage = await reviewerCtx.newPage();
    await signIn(reviewerPage, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password);
    const anonCtx = await forgedAnonymous(browser, baseURL as string);
    const auditCount = () =>
      count(`SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE "actorId" IS NULL OR "actorId" != (SELECT id FROM "User" WHERE email = 'admin@example.com')`);

    /** Replays as the reviewer and as the anonymous visitor; the check must hold after each. */
    async function refused(action: CapturedAction, unchanged: () => Promise<void>) {
      const events = await auditCount();
      for (const ctx of [reviewerCtx, anonCtx]) {
        if (ctx === anonCtx) await ctx.addCookies([{ name: "next-auth.session-token", value: "forged", url: baseURL as string }]);
        const res = await replayAction(ctx.request, action);
        expect(res.status()).toBeLessThan(500);
        const text = await res.text();
        expect(text).not.toMatch(/is invited as|is now an admin|is deactivated;|invitation is revoked|is active again|New password link|New invitation link|Added “|Saved “|Order saved|is retired|Deleted “/);
        await unchanged();
        // The same call posted to a page outside /admin (no proxy in the way) is refused too.
        if (ctx === anonCtx) await ctx.addCookies([{ name: "next-auth.session-token", value: "forged", url: baseURL as string }]);
        await replayAction(ctx.request, action, new URL("/", action.url).toString());
        await unchanged();
      }
      expect(await auditCount()).toBe(events);
    }

    // --- invite
    await adminPage.goto("/admin/users");
    const invite = await captureAction(adminPage, async () => {
      await adminPage.getByLabel("Name").fill(`Access Target ${s}`);
      await adminPage.getByLabel("Email").fill(`access-${s}@example.com`);
      await adminPage.getByRole("button", { name: "Invite" }).click();
    });
    await expect(adminPage.getByTestId("invitation-link")).toBeVisible();
    const target = async () =>
      (await dbGet<{ id: string; role: string; active: boolean; version: number; sessionVersion: number; passwordHash: string | null }>(`SELECT * FROM "User" WHERE email = $1`, `access-${s}@example.com`))!;
    await refused(withField(invite, "email", `sneaky-${s}@example.com`), async () => {
      expect(await dbGet(`SELECT id FROM "User" WHERE email = $1`, `sneaky-${s}@example.com`)).toBeUndefined();
    });

    // --- role change (the capture itself is refused by a domain rule: already a reviewer; the replay asks for admin)
    await adminPage.reload();
    const row = adminPage.getByTestId(`user-row-access-${s}@example.com`);
    const role = await captureAction(adminPage, async () => {
      await row.getByLabel(/Role of/).selectOption("reviewer");
      await row.getByRole("button", { name: "Change role" }).click();
    });
    await expect(row.getByRole("alert")).toContainText("already a reviewer");
    await refused(withField(withField(role, "role", "admin"), "version", String((await target()).version)), async () => expect((await target()).role).toBe("reviewer"));

    // --- deactivate / reactivate (the target never accepted its invitation, so these read as revoking and resending it)
    const deactivate = await captureAction(adminPage, async () => {
      await row.getByRole("button", { name: "Revoke invitation…" }).click();
      await row.getByRole("button", { name: "Yes, revoke invitation" }).click();
    });
    await expect(row.getByText("Invitation revoked", { exact: true })).toBeVisible();
    const reactivate = await captureAction(adminPage, async () => {
      await row.getByRole("button", { name: "Reactivate…" }).click();
      await row.getByRole("button", { name: "Yes, reactivate" }).click();
    });
    await expect(row.getByText("Invited", { exact: true })).toBeVisible();
    await refused(withField(deactivate, "version", String((await target()).version)), async () => expect((await target()).active).toBe(true));
    await row.getByRole("button", { name: "Revoke invitation…" }).click();
    await row.getByRole("button", { name: "Yes, revoke invitation" }).click();
    await expect(row.getByText("Invitation revoked", { exact: true })).toBeVisible();
    await refused(withField(reactivate, "version", String((await target()).version)), async () => expect((await target()).active).toBe(false));
    await row.getByRole("button", { name: "Reactivate…" }).click();
    await row.getByRole("button", { name: "Yes, reactivate" }).click();
    await expect(row.getByText("Invited", { exact: true })).toBeVisible();

    // --- reset password
    const reset = await captureAction(adminPage, async () => {
      await row.getByRole("button", { name: "Resend invitation…" }).click();
      await row.getByRole("button", { name: "Yes, send a new invitation" }).click();
    });
    await expect(row.getByTestId("invitation-link")).toBeVisible();
    const links = async () => count(`SELECT COUNT(*)::int AS n FROM "UserInvitation" WHERE "userId" = $1`, (await target()).id);
    const before = { links: await links(), sv: (await target()).sessionVersion };
    await refused(withField(reset, "version", String((await target()).version)), async () => {
      expect(await links()).toBe(before.links);
      expect((await target()).sessionVersion).toBe(before.sv);
    });

    // --- vocabulary: create, update, move, retire, delete
    await adminPage.goto("/admin/vocabulary");
    const section = adminPage.locator("section", { has: adminPage.getByRole("heading", { name: "Claim types" }) });
    async function addType(label: string) {
      const details = section.locator("details", { has: adminPage.locator("summary", { hasText: "Add a claim type" }) });
      if ((await details.getAttribute("open")) === null) await details.locator("summary").click();
      await section.getByLabel("Label", { exact: true }).last().fill(label);
      await section.getByLabel("Colour (hex)").last().fill("#1d4ed8");
      await section.getByRole("button", { name: "Add", exact: true }).click();
      await expect(section.getByTestId("add-claim_type-message")).toContainText(`Added “${label}”`);
    }
    const create = await captureAction(adminPage, () => addType(`Access type ${s}`));
    const typeRow = (label: string) => dbGet<{ id: string; label: string; version: number; position: number; retired: boolean } | undefined>(`SELECT * FROM "ClaimType" WHERE label = $1`, label);
    await refused(withField(create, "label", `Sneaky type ${s}`), async () => expect(await typeRow(`Sneaky type ${s}`)).toBeUndefined());

    const entry = async () => (await typeRow(`Access type ${s}`)) ?? (await typeRow(`Access type ${s} edited`));
    const li = () => adminPage.getByTestId(/^vocab-access-type-/);
    const update = await captureAction(adminPage, async () => {
      await li().getByRole("button", { name: /^Edit / }).click();
      await li().getByLabel("Label", { exact: true }).fill(`Access type ${s} edited`);
      await li().getByRole("button", { name: "Save" }).click();
    });
    await expect(li().getByRole("status")).toContainText("Saved");
    await refused(withField(withField(update, "label", "Hacked"), "version", String((await entry())!.version)), async () => expect((await entry())!.label).toBe(`Access type ${s} edited`));

    const move = await captureAction(adminPage, () => li().getByRole("button", { name: /Move .* up/ }).click());
    await expect(li().getByRole("status")).toContainText("Order saved");
    const pos = (await entry())!.position;
    await refused(withField(move, "version", String((await entry())!.version)), async () => expect((await entry())!.position).toBe(pos));

    const retire = await captureAction(adminPage, () => li().getByRole("button", { name: /^Retire / }).click());
    await expect(li().getByText("Retired", { exact: true })).toBeVisible();
    await refused(withField(withField(retire, "retired", "false"), "version", String((await entry())!.version)), async () => expect((await entry())!.retired).toBe(true));

    const del = await captureAction(adminPage, async () => {
      await li().getByRole("button", { name: /^Delete / }).click();
      await li().getByRole("button", { name: "Yes, delete" }).click();
    });
    await expect(li()).toHaveCount(0);
    expect(await entry()).toBeUndefined();
    await addType(`Access victim ${s}`);
    const victim = (await typeRow(`Access victim ${s}`))!;
    await refused(withField(withField(del, "id", victim.id), "version", String(victim.version)), async () => expect(await typeRow(`Access victim ${s}`)).toBeDefined());
    // clean up
    const victimLi = adminPage.getByTestId(/^vocab-access-victim-/);
    await victimLi.getByRole("button", { name: /^Delete / }).click();
    await victimLi.getByRole("button", { name: "Yes, delete" }).click();
    await expect(victimLi).toHaveCount(0);

    await adminPage.close();
    await reviewerCtx.close();
    await anonCtx.close();
  });
});

