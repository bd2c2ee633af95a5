import { expect, type Browser, type Page } from "@playwright/test";
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";
import path from "node:path";

export const REVIEWER = { email: "reviewer@example.com", password: "provenance-reviewer" };
export const REVIEWER2 = { email: "reviewer2@example.com", password: "provenance-reviewer" };

function dbFile(): string {
  const url = process.env.DATABASE_URL ?? "";
  if (!url.startsWith("file:")) throw new Error("DATABASE_URL (file:) is required for the e2e database checks");
  return path.resolve(url.slice("file:".length));
}

/** The e2e database, read-only, for checking what was saved. */
export function readDb(): Database.Database {
  return new Database(dbFile(), { readonly: true, fileMustExist: true });
}

/** Write access for the few things a test must set up directly (a throwaway user, deactivating it). */
export function writeDb(): Database.Database {
  const db = new Database(dbFile(), { fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}

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
  const db = writeDb();
  try {
    const id = `e2e${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    db.prepare("INSERT INTO User (id, email, name, passwordHash, role, active, sessionVersion, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, 'reviewer', 1, 0, 1, ?, ?)").run(
      id,
      email,
      `Throwaway ${label}`,
      bcrypt.hashSync(password, 4),
      new Date().toISOString().replace("Z", "+00:00"),
      new Date().toISOString().replace("Z", "+00:00"),
    );
    return { id, email, password };
  } finally {
    db.close();
  }
}

/** Imports pasted text through the form (Preview, then Import) and returns the new article's id. */
export async function importPasted(page: Page, title: string, text: string): Promise<string> {
  await page.goto("/review/new");
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Article text").fill(text);
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByRole("heading", { name: /Proposed statements/ })).toBeVisible();
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
