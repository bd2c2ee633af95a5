import { expect, type Page } from "@playwright/test";
import { query } from "./db";
import { DEMO_SLUG } from "./session";

export { DEMO_SLUG };
export const DEMO_PATH = `/articles/${DEMO_SLUG}`;
export const RATED_STATUSES = ["verified", "partly-true", "misattributed", "false"];

/** The demo article's approved annotations as the database holds them (id, status, type), in text order. */
export function demoAnnotations(): Promise<{ id: string; status: string; type: string }[]> {
  return query<{ id: string; status: string; type: string }>(
    `SELECT a.id AS id, a."approvedStatusSlug" AS status, a."approvedTypeSlug" AS type
       FROM "Annotation" a JOIN "Article" r ON r.id = a."articleId" JOIN "Statement" s ON s.id = a."statementId"
      WHERE r.slug = $1 AND a."approvedSnapshot" IS NOT NULL ORDER BY s.start`,
    DEMO_SLUG,
  );
}

/** The base URL the server builds permalinks from (npm test sets PUBLIC_BASE_URL to the e2e server). */
export function publicBaseUrl(): string {
  return (process.env.PUBLIC_BASE_URL ?? `http://localhost:${process.env.PORT ?? 3100}`).replace(/\/+$/, "");
}

/** The details panel of one annotation. */
export const details = (page: Page, id: string) => page.locator(`#annotation-${id}`);

/** The highlighted statements on the page (first pieces only, one per annotation). */
export const highlights = (page: Page) => page.locator("a.highlight[data-annotation-id]");

export async function expectOnlyDetailsOpen(page: Page, id: string) {
  await expect(details(page, id)).toBeVisible();
  await expect(page.locator(".annotation-details:visible")).toHaveCount(1);
}
