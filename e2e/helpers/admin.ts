import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { createHash } from "node:crypto";
import { query, queryOne } from "./db";
import { signIn } from "./session";

export const ADMIN_PAGES = ["/admin", "/admin/users", "/admin/vocabulary", "/admin/sources", "/admin/audit"] as const;
export const SCREENSHOT_DIR = process.env.ADMIN_SCREENSHOT_DIR || "/tmp/admin-screenshots";

export const unique = () => `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
export const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");

/** Reads one row from the e2e database (undefined when none). */
export async function dbGet<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T> {
  return (await queryOne<T>(sql, ...params)) as T;
}

export async function dbAll<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]> {
  return query<T>(sql, ...params);
}

/** A server-action POST as the browser sent it, to replay from another session. */
export interface CapturedAction {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Runs `trigger` and captures the server-action request it causes. */
export async function captureAction(page: Page, trigger: () => Promise<void>): Promise<CapturedAction> {
  const requestPromise = page.waitForRequest((r) => r.method() === "POST" && !!r.headers()["next-action"]);
  await trigger();
  const request = await requestPromise;
  await request.response();
  const h = request.headers();
  const headers: Record<string, string> = { "next-action": h["next-action"], "content-type": h["content-type"], accept: "text/x-component" };
  if (h["next-router-state-tree"]) headers["next-router-state-tree"] = h["next-router-state-tree"];
  return { url: request.url(), headers, body: request.postDataBuffer()?.toString("utf8") ?? "" };
}

/** Sets a text field in a captured multipart body (React prefixes form fields with "<n>_"). */
export function withField(action: CapturedAction, name: string, value: string): CapturedAction {
  const re = new RegExp(`(name="(?:_?\\d+_)?${name}"\\r\\n\\r\\n)[^\\r]*`, "g");
  if (!re.test(action.body)) throw new Error(`Field ${name} not in captured body`);
  return { ...action, body: action.body.replace(re, `$1${value.replace(/\$/g, "$$$$")}`) };
}

/** Replays a captured action with another session's cookies (or none). Never follows redirects. */
export async function replayAction(request: APIRequestContext, action: CapturedAction, url = action.url) {
  return request.post(url, { headers: action.headers, data: Buffer.from(action.body, "utf8"), maxRedirects: 0 });
}

export async function signInAdmin(page: Page, callbackUrl = "/admin/users") {
  await signIn(page, "admin@example.com", "provenance-admin", callbackUrl);
}

/** Status row of a vocabulary entry in the e2e DB. */
export function statusRow(slug: string) {
  return dbGet<{ id: string; label: string; color: string; retired: boolean; version: number; position: number; description: string; rating: number | null }>(
    `SELECT id, label, color, retired, version, position, description, rating FROM "VerificationStatus" WHERE slug = $1`,
    slug,
  );
}

export async function expectSignInPage(page: Page, from: string) {
  await expect(page).toHaveURL(new RegExp(`/login\\?callbackUrl=${encodeURIComponent(from).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
}
