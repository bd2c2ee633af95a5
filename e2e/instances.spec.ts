import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test, type Browser } from "@playwright/test";
import { queryOne } from "./helpers/db";
import { ACCOUNTS, DEMO_SLUG, signIn } from "./helpers/session";

/*
 * Several instances, one truth: two more app processes (A and B, `next start`) on the e2e database, beside the one
 * Playwright started. A change made through A is what B serves within 1 s (the test polls B for up to 2 s), and
 * killing A mid-traffic, by SIGTERM or SIGKILL, leaves B serving.
 */
test.describe.configure({ mode: "serial" });

const ROOT = path.resolve(__dirname, "..");
const A_PORT = Number(process.env.E2E_PORT ?? 3100) + 11;
const B_PORT = A_PORT + 1;
const url = (port: number, p: string) => `http://localhost:${port}${p}`;
const DEMO = `/articles/${DEMO_SLUG}`;

function startInstance(port: number): ChildProcess {
  return spawn(path.join(ROOT, "node_modules", ".bin", "next"), ["start", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), NEXTAUTH_URL: `http://localhost:${port}`, NEXT_DIST_DIR: process.env.E2E_DIST_DIR || ".next-test", NODE_ENV: "production" },
    stdio: "ignore",
  });
}

async function waitReady(port: number): Promise<void> {
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(url(port, "/api/ready"))).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`instance on ${port} did not become ready`);
}

function stop(child: ChildProcess | null, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}

/**
 * Polls `check` every 50 ms for up to `ms`. Returns when the first request that saw the change was SENT, after the
 * change: the staleness readers get. (A fresh page also has to be rendered once, which takes longer on a busy
 * machine; that is not staleness: nobody is served the old verdict meanwhile.) Null if it never held.
 */
async function timeUntil(check: () => Promise<boolean>, ms = 2_000): Promise<number | null> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    const sent = Date.now();
    if (await check()) return sent - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

async function signedInOn(browser: Browser, port: number, account: { email: string; password: string }, to: string) {
  const context = await browser.newContext({ baseURL: url(port, "") });
  const page = await context.newPage();
  await signIn(page, account.email, account.password, to);
  return { context, page };
}

let a: ChildProcess | null = null;
let b: ChildProcess | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  a = startInstance(A_PORT);
  b = startInstance(B_PORT);
  await Promise.all([waitReady(A_PORT), waitReady(B_PORT)]);
});

test.afterAll(async () => {
  await Promise.all([stop(a), stop(b)]);
});

test("an article unpublished through A is gone from B within 1 s, and back when A republishes it", async ({ browser }) => {
  const article = (await queryOne<{ id: string }>(`SELECT id FROM "Article" WHERE slug = $1`, DEMO_SLUG))!;
  // B has the page cached (two requests: the second is served from B's cache).
  for (let i = 0; i < 2; i++) expect((await fetch(url(B_PORT, DEMO))).status).toBe(200);

  const { context, page } = await signedInOn(browser, A_PORT, ACCOUNTS.reviewer, `/review/articles/${article.id}`);
  const publishing = page.getByRole("form", { name: "Publishing" });
  try {
    await publishing.getByRole("button", { name: "Unpublish…" }).click();
    await publishing.getByRole("button", { name: "Unpublish", exact: true }).click();
    await expect(page.getByText(/^Unpublished/)).toBeVisible();
    const gone = await timeUntil(async () => (await fetch(url(B_PORT, DEMO))).status === 404);
    expect(gone, "B still served the unpublished article after 2 s").not.toBeNull();
    expect(gone!).toBeLessThanOrEqual(1_000);
  } finally {
    if ((await queryOne<{ state: string }>(`SELECT state FROM "Article" WHERE id = $1`, article.id))!.state !== "published") {
      // With approved annotations the button is "Publish" (no confirmation); "Publish…" only when none is approved.
      await publishing.getByRole("button", { name: /^Publish(…)?$/ }).click();
      await expect(page.getByText(/^Published: readers/)).toBeVisible();
    }
  }
  const back = await timeUntil(async () => (await fetch(url(B_PORT, DEMO))).status === 200);
  expect(back).not.toBeNull();
  expect(back!).toBeLessThanOrEqual(1_000);
  await context.close();
});

test("a vocabulary rename made through A is what B serves within 1 s", async ({ browser }) => {
  const status = (await queryOne<{ label: string }>(`SELECT label FROM "VerificationStatus" WHERE slug = 'misattributed'`))!;
  const renamed = `Misattributed (instances ${Date.now().toString(36)})`;
  expect(await (await fetch(url(B_PORT, DEMO))).text()).not.toContain(renamed);
  const { context, page } = await signedInOn(browser, A_PORT, ACCOUNTS.admin, "/admin/vocabulary");
  const rename = async (label: string) => {
    await page.goto("/admin/vocabulary");
    const li = page.getByTestId("vocab-misattributed");
    await li.getByRole("button", { name: /^Edit / }).click();
    await li.getByLabel("Label").fill(label);
    await li.getByRole("button", { name: "Save" }).click();
    await expect(li.getByRole("status")).toContainText(`Saved “${label}”`);
  };
  try {
    await rename(renamed);
    const shown = await timeUntil(async () => (await (await fetch(url(B_PORT, DEMO))).text()).includes(renamed));
    expect(shown, "B still served the old label after 2 s").not.toBeNull();
    expect(shown!).toBeLessThanOrEqual(1_000);
  } finally {
    await rename(status.label);
  }
  await context.close();
});

/** Requests B (and A) in a loop while `during` runs; returns B's statuses and the errors it gave. */
async function trafficDuring(during: () => Promise<void>): Promise<{ bStatuses: number[]; bErrors: string[] }> {
  const bStatuses: number[] = [];
  const bErrors: string[] = [];
  let running = true;
  const loop = async (port: number, record: boolean) => {
    while (running) {
      try {
        const res = await fetch(url(port, DEMO));
        await res.arrayBuffer();
        if (record) bStatuses.push(res.status);
      } catch (error) {
        if (record) bErrors.push(String(error));
      }
    }
  };
  const loops = [loop(B_PORT, true), loop(B_PORT, true), loop(A_PORT, false)];
  await new Promise((r) => setTimeout(r, 300));
  await during();
  await new Promise((r) => setTimeout(r, 500));
  running = false;
  await Promise.all(loops);
  return { bStatuses, bErrors };
}

for (const signal of ["SIGTERM", "SIGKILL"] as const) {
  test(`killing A with ${signal} mid-traffic leaves B serving`, async () => {
    test.setTimeout(90_000);
    if (!a || a.exitCode !== null) {
      a = startInstance(A_PORT);
      await waitReady(A_PORT);
    }
    const { bStatuses, bErrors } = await trafficDuring(() => stop(a, signal));
    expect(bErrors).toEqual([]);
    expect(bStatuses.length).toBeGreaterThan(10);
    expect(new Set(bStatuses)).toEqual(new Set([200]));
    // B still answers readiness (its database pool and cache listener are its own).
    expect((await fetch(url(B_PORT, "/api/ready"))).status).toBe(200);
    a = startInstance(A_PORT);
    await waitReady(A_PORT);
  });
}
