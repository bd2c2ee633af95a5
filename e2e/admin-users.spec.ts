import { expect, test, type Browser, type Page } from "@playwright/test";
import { signIn } from "./helpers/session";
import { importPasted, openStatement } from "./helpers/review";
import { count } from "./helpers/db";
import { dbGet, SCREENSHOT_DIR, sha256, signInAdmin, unique } from "./helpers/admin";

test.describe.configure({ mode: "serial" });

const s = unique();
const invitee = { name: `Ivy Invitee ${s}`, email: `ivy-${s}@example.com`, password: "lantern-orchard-42" };
let link = "";
let inviteePage: Page;

const user = () =>
  dbGet<{ id: string; role: string; active: boolean; sessionVersion: number; passwordHash: string | null; version: number }>(
    `SELECT id, role, active, "sessionVersion", "passwordHash", version FROM "User" WHERE email = $1`,
    invitee.email,
  );

async function newPage(browser: Browser) {
  return (await browser.newContext()).newPage();
}

test.describe("admin: reviewers", () => {
  test("an admin invites a reviewer: a single-use link, stored hashed, valid 7 days, shown because no SMTP is set", async ({ page }) => {
    await signInAdmin(page);
    await expect(page.getByTestId("users-table")).toContainText("admin@example.com");
    await page.getByLabel("Name").fill(invitee.name);
    await page.getByLabel("Email").fill("not-an-email");
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.locator("#invite-email-error")).toHaveText("Enter a valid email address.");
    await expect(page.getByLabel("Email")).toBeFocused(); // focus goes to the field to fix
    await expect(page.getByLabel("Name")).toHaveValue(invitee.name); // nothing lost
    await page.getByLabel("Email").fill(invitee.email.toUpperCase());
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.getByTestId("invite-message")).toContainText(`${invitee.name} is invited as a reviewer`);
    await expect(page.getByTestId("invitation-link")).toBeFocused(); // ready to copy
    link = await page.getByTestId("invitation-link").inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    await expect(page.getByTestId("invitation-email-note")).toContainText("Not e-mailed");
    await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-users.png`, fullPage: true });

    const token = link.split("/invite/")[1];
    const inv = await dbGet<{ tokenHash: string; expiresAt: Date; usedAt: unknown; purpose: string }>(
      `SELECT "tokenHash", "expiresAt", "usedAt", purpose FROM "UserInvitation" WHERE "userId" = $1`,
      (await user()).id,
    );
    expect(inv.tokenHash).toBe(sha256(token));
    expect(inv.purpose).toBe("invite");
    expect(inv.usedAt).toBeNull();
    const days = (new Date(inv.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    expect(days).toBeLessThanOrEqual(7);
    expect(await user()).toMatchObject({ role: "reviewer", active: true, passwordHash: null });

    await page.getByLabel("Name").fill("Someone Else");
    await page.getByLabel("Email").fill(invitee.email);
    await page.getByRole("button", { name: "Invite" }).click();
    await expect(page.locator("#invite-email-error")).toContainText("already an account");
  });

  test("the invitee sets a password (rules enforced), signs in and reaches the review desk; the link then stops working", async ({ browser }) => {
    inviteePage = await newPage(browser);
    const p = inviteePage;
    await p.goto(link);
    await expect(p.getByRole("heading", { name: "Welcome to Provenance" })).toBeVisible();
    await expect(p.getByTestId("invite-email")).toHaveText(invitee.email);
    await p.screenshot({ path: `${SCREENSHOT_DIR}/invite.png`, fullPage: true });

    await p.getByLabel("New password").fill("too-short");
    await p.getByLabel("Repeat the password").fill("too-short");
    await p.getByRole("button", { name: "Set password" }).click();
    await expect(p.locator("#new-password-error")).toContainText("at least 12 characters");
    await expect(p.getByText("Use at least 12 characters.")).toHaveCount(1); // said once, next to the field
    await expect(p.getByLabel("New password")).toBeFocused();
    await p.getByLabel("New password").fill(`my-${invitee.email}-pw`);
    await p.getByLabel("Repeat the password").fill(`my-${invitee.email}-pw`);
    await p.getByRole("button", { name: "Set password" }).click();
    await expect(p.locator("#new-password-error")).toContainText("must not contain your email");
    await p.getByLabel("New password").fill(invitee.password);
    await p.getByLabel("Repeat the password").fill("something-else-entirely");
    await p.getByRole("button", { name: "Set password" }).click();
    await expect(p.locator("#confirm-password-error")).toContainText("do not match");
    await expect(p.getByLabel("Repeat the password")).toBeFocused();
    expect((await user()).passwordHash).toBeNull();

    await p.getByLabel("New password").fill(invitee.password);
    await p.getByLabel("Repeat the password").fill(invitee.password);
    await p.getByRole("button", { name: "Set password" }).click();
    await expect(p.getByTestId("invitation-accepted")).toContainText("Your password is set");
    // bcrypt over an HMAC-SHA-256 pre-hash (lib/security/passwords.ts), never the password itself.
    expect((await user()).passwordHash).toMatch(/^\$hmac-sha256\$\$2[aby]\$\d\d\$/);
    await p.getByRole("link", { name: "Sign in" }).last().click();
    await p.getByLabel("Email").fill(invitee.email);
    await p.getByLabel("Password").fill(invitee.password);
    await p.getByRole("button", { name: "Sign in" }).click();
    await expect(p.getByRole("button", { name: "Sign out" })).toBeVisible();
    await expect(p).toHaveURL(/\/review/);
    await expect(p.getByRole("heading", { level: 1 })).toContainText(/Review/);
    await expect(p.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
    expect(await count(`SELECT COUNT(*)::int AS n FROM "AuditEvent" WHERE action = 'user.accept_invitation' AND "actorId" = $1`, (await user()).id)).toBe(1);

    // …and annotates: imports an article and tags its first statement.
    const articleId = await importPasted(p, `Admin e2e article ${s}`, "The minister said on Monday that the plan was working. Critics said the plan had failed.");
    await openStatement(p, 0);
    const form = p.getByRole("form", { name: "Annotation" });
    await form.getByLabel("Claim type").selectOption({ label: "Official statement" });
    await form.getByLabel("Verification status").selectOption({ label: "Unverified" });
    await p.getByRole("button", { name: "Submit for review" }).click();
    await expect(p.getByText("Saved and submitted for review.")).toBeVisible();
    expect(await count(`SELECT COUNT(*)::int AS n FROM "Annotation" WHERE "articleId" = $1 AND "authorId" = $2`, articleId, (await user()).id)).toBe(1);

    const again = await newPage(browser);
    await again.goto(link);
    await expect(again.getByTestId("invitation-problem")).toContainText("already been used");
    await again.goto("/invite/not-a-real-token-but-long-enough-to-look-like-one");
    await expect(again.getByTestId("invitation-problem")).toContainText("not valid");
    await again.context().close();
  });

  test("deactivation (with confirmation) ends the invitee's open session at once; reactivation lets them back in", async ({ page }) => {
    await inviteePage.goto("/review");
    await expect(inviteePage.getByRole("button", { name: "Sign out" })).toBeVisible();
    const before = await user();

    await signInAdmin(page);
    const row = page.getByTestId(`user-row-${invitee.email}`);
    await row.getByRole("button", { name: "Deactivate…" }).click();
    await expect(row.getByRole("group", { name: /Confirm deactivation/ })).toContainText("signed out everywhere");
    await row.getByRole("button", { name: "Cancel" }).click();
    expect((await user()).active).toBe(true);
    await row.getByRole("button", { name: "Deactivate…" }).click();
    await row.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(row.getByRole("status")).toContainText("deactivated; their sessions have ended");
    await expect(row.locator('[data-field="status"]')).toContainText("Deactivated");
    expect(await user()).toMatchObject({ active: false, sessionVersion: before.sessionVersion + 1 });
    // Their annotation keeps its author.
    expect(await count(`SELECT COUNT(*)::int AS n FROM "Annotation" WHERE "authorId" = $1`, (await user()).id)).toBe(1);
    await expect(row.locator('[data-field="authored"]')).toHaveText("1");

    // The invitee's still-open page: the next request is refused.
    await inviteePage.goto("/review");
    await expect(inviteePage).toHaveURL(/\/login/);
    await inviteePage.getByLabel("Email").fill(invitee.email);
    await inviteePage.getByLabel("Password").fill(invitee.password);
    await inviteePage.getByRole("button", { name: "Sign in" }).click();
    await expect(inviteePage.locator('[role="alert"]:not(#__next-route-announcer__)')).toContainText("incorrect");

    await row.getByRole("button", { name: "Reactivate…" }).click();
    await row.getByRole("button", { name: "Yes, reactivate" }).click();
    await expect(row.locator('[data-field="status"]')).toContainText("Active");
    await inviteePage.getByRole("button", { name: "Sign in" }).click();
    await expect(inviteePage.getByRole("button", { name: "Sign out" })).toBeVisible();
  });

  test("role changes and password reset (a new single-use link that ends sessions)", async ({ page }) => {
    await signInAdmin(page);
    const row = page.getByTestId(`user-row-${invitee.email}`);
    await row.getByLabel(/Role of/).selectOption("admin");
    await row.getByRole("button", { name: "Change role" }).click();
    await expect(row.getByRole("status")).toContainText("is now an admin");
    expect((await user()).role).toBe("admin");
    await row.getByLabel(/Role of/).selectOption("reviewer");
    await row.getByRole("button", { name: "Change role" }).click();
    await expect(row.getByRole("status").first()).toContainText("is now a reviewer");
    expect((await user()).role).toBe("reviewer");

    const sv = (await user()).sessionVersion;
    await row.getByRole("button", { name: "Reset password…" }).click();
    await row.getByRole("button", { name: "Yes, reset password" }).click();
    const resetLink = await row.getByTestId("invitation-link").inputValue();
    expect(resetLink).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(resetLink).not.toBe(link);
    expect(await user()).toMatchObject({ passwordHash: null, sessionVersion: sv + 1 });
    await inviteePage.goto("/review");
    await expect(inviteePage).toHaveURL(/\/login/);
    await inviteePage.goto(resetLink);
    await expect(inviteePage.getByRole("heading", { name: "Set a new password" })).toBeVisible();
    await inviteePage.getByLabel("New password").fill("second-lantern-99");
    await inviteePage.getByLabel("Repeat the password").fill("second-lantern-99");
    await inviteePage.getByRole("button", { name: "Set password" }).click();
    await expect(inviteePage.getByTestId("invitation-accepted")).toBeVisible();
    await signIn(inviteePage, invitee.email, "second-lantern-99");
  });

  test("on a 360 px phone each account reads as a labelled card, with no sideways scrolling", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await signInAdmin(page);
    const row = page.getByTestId("user-row-admin@example.com");
    await expect(row).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const tableBox = await page.getByTestId("users-table").evaluate((el) => ({ scroll: el.parentElement!.scrollWidth, client: el.parentElement!.clientWidth }));
    expect(tableBox.scroll).toBeLessThanOrEqual(tableBox.client);
    // The column headers are gone; each value carries its own label, and the actions stay usable.
    await expect(page.locator('[data-testid="users-table"] thead')).toBeHidden();
    const label = await row.locator('[data-field="role"]').evaluate((el) => getComputedStyle(el, "::before").content);
    expect(label).toBe('"Role"');
    const changeRole = row.getByRole("button", { name: "Change role" });
    await changeRole.scrollIntoViewIfNeeded();
    await expect(changeRole).toBeInViewport({ ratio: 1 }); // not clipped at the side
    await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-users-phone.png`, fullPage: true });
    await context.close();
  });

  test("the last active admin cannot be demoted or deactivated, with a clear message", async ({ page }) => {
    expect(await count(`SELECT COUNT(*)::int AS n FROM "User" WHERE role = 'admin' AND active = true`)).toBe(1);
    const before = await dbGet<{ role: string; active: boolean; version: number }>(`SELECT role, active, version FROM "User" WHERE email = 'admin@example.com'`);
    await signInAdmin(page);
    const row = page.getByTestId("user-row-admin@example.com");
    await row.getByLabel(/Role of/).selectOption("reviewer");
    await row.getByRole("button", { name: "Change role" }).click();
    await expect(row.getByRole("alert")).toContainText("is the last active admin and cannot be made a reviewer");
    await row.getByRole("button", { name: "Deactivate…" }).click();
    await row.getByRole("button", { name: "Yes, deactivate" }).click();
    await expect(row.getByRole("alert").last()).toContainText("is the last active admin and cannot be deactivated");
    expect(await dbGet(`SELECT role, active, version FROM "User" WHERE email = 'admin@example.com'`)).toEqual(before);
  });

  test("the audit log shows these actions with their before/after diffs", async ({ page }) => {
    await signInAdmin(page, "/admin/audit");
    const id = (await user()).id;
    await page.goto(`/admin/audit?entityType=user&action=user.deactivate`);
    const entry = page.locator(`[data-testid="audit-entry"][data-entity-id="${id}"]`).first();
    await expect(entry).toContainText("admin@example.com");
    await entry.locator("summary").click();
    const activeRow = entry.getByTestId("audit-diff").locator('tr[data-change="changed"]', { hasText: "active" });
    await expect(activeRow).toContainText("true");
    await expect(activeRow.locator("td").nth(1)).toHaveText("false");

    await page.goto(`/admin/audit?action=user.`);
    for (const action of ["user.invite", "user.accept_invitation", "user.role_change", "user.deactivate", "user.reactivate", "user.password_reset"]) {
      await expect(page.locator(`[data-testid="audit-entry"][data-entity-id="${id}"][data-action="${action}"]`).first()).toBeAttached();
    }
    const role = page.locator(`[data-testid="audit-entry"][data-entity-id="${id}"][data-action="user.role_change"]`).first();
    await role.locator("summary").click();
    await expect(role.locator('tr[data-change="changed"]', { hasText: "role" })).toBeVisible();
    await role.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/admin-audit-diff.png` });
  });

  test.afterAll(async () => {
    await inviteePage?.context().close().catch(() => {});
  });
});
