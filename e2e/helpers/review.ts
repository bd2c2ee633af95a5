import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import bcrypt from "bcryptjs";
import { query } from "./db";

export const REVIEWER = { email: "reviewer@example.com", password: "provenance-reviewer" };
export const REVIEWER2 = { email: "reviewer2@example.com", password: "provenance-reviewer" };

export async function signIn(page: Page, account: { email: string; password: string }, to = "/review") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(to)}`);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((u) => u.pathname === to.split("?")[0]);
}

export async function newSignedInPage(browser: Browser, account: { email: string; password: string }, to = "/review") {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account, to);
  return { context, page };
}

/** A throwaway reviewer created straight in the database (never a demo account). */
export async function createThrowawayReviewer(label: string) {
  const email = `${label}-${Date.now()}@example.com`;
  const password = "throwaway-password-123";
  const id = `e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  const now = new Date();
  await query(
    `INSERT INTO "User" (id, email, name, "passwordHash", role, active, "sessionVersion", version, "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'reviewer', true, 0, 1, $5, $5)`,
    id,
    email,
    `Throwaway ${label}`,
    bcrypt.hashSync(password, 4),
    now,
  );
  return { id, email, password };
}

/** Imports pasted text through the form (Preview, then Import) and returns the new article's id. */
export async function importPasted(page: Page, title: string, text: string): Promise<string> {
  await page.goto("/review/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: /Proposed statements/ })).toBeVisible();
  // The same text may already be on the desk (specs import the same fixture); a reviewer then confirms on purpose.
  const again = page.getByLabel(/Import it again anyway/);
  if (await again.isVisible()) await again.check();
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.waitForURL(/\/review\/articles\/[^/?]+/);
  return new URL(page.url()).pathname.split("/").pop()!;
}

/** Opens the n-th statement (0-based) of the workspace and waits for its panel. */
export async function openStatement(page: Page, n: number): Promise<string> {
  const el = page.locator("[data-statement-id]").nth(n);
  const id = (await el.getAttribute("data-statement-id"))!;
  await el.click();
  await expect(page.locator(`[data-selected-statement="${id}"]`)).toBeVisible();
  return id;
}

/** Approves in the "Second review" form, first acknowledging each chain warning the checklist shows (as an approver must). */
export async function approve(form: Locator): Promise<void> {
  const boxes = form.getByTestId("acknowledge-warnings").getByRole("checkbox");
  for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  await form.getByRole("button", { name: "Approve" }).click();
}
