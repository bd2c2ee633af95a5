import { expect, type Page } from "@playwright/test";

export const DEMO_SLUG = "baltic-states-withdraw-from-ottawa-convention-in-major-defense-policy-shift-june";

export const ACCOUNTS = {
  admin: { email: "admin@example.com", password: "provenance-admin", name: "Ada Admin" },
  reviewer: { email: "reviewer@example.com", password: "provenance-reviewer", name: "Rita Reviewer" },
  reviewer2: { email: "reviewer2@example.com", password: "provenance-reviewer", name: "Sam Second" },
} as const;

/** Signs in through the real form and waits until the app shows who is signed in. */
export async function signIn(page: Page, email: string, password: string, callbackUrl = "/review") {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
