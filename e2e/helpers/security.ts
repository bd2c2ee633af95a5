import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, type APIRequestContext, type APIResponse } from "@playwright/test";
import { query, queryOne } from "./db";
import { ACCOUNTS } from "./session";

/** The production build the e2e server runs (scripts/test.mjs builds it into E2E_DIST_DIR). */
export const DIST_DIR = path.resolve(process.env.E2E_DIST_DIR || ".next-test");

export function readBuildJson<T>(relative: string): T {
  return JSON.parse(fs.readFileSync(path.join(DIST_DIR, relative), "utf8")) as T;
}

/** Every page and route handler of the build, as its pattern ("/articles/[slug]"), from the app-paths manifest. */
export function builtRoutes(): { pattern: string; kind: "page" | "route" }[] {
  const manifest = readBuildJson<Record<string, string>>("server/app-paths-manifest.json");
  return Object.keys(manifest)
    .map((key) => {
      const kind = key.endsWith("/route") ? ("route" as const) : ("page" as const);
      const pattern = key.replace(/\/(page|route)$/, "") || "/";
      return { pattern, kind };
    })
    .sort((a, b) => a.pattern.localeCompare(b.pattern));
}

export interface BuiltAction {
  id: string;
  /** "lib/actions/admin/users.ts#inviteAction" */
  key: string;
  /** The pages whose bundle holds the action, as route patterns ("/admin/users"). */
  pages: string[];
}

/** Every server action of the build, from the server-reference manifest (Next records each one's file and export). */
export function builtActions(): BuiltAction[] {
  const manifest = readBuildJson<{ node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }> }>("server/server-reference-manifest.json");
  return Object.entries(manifest.node)
    .map(([id, entry]) => ({
      id,
      key: `${entry.filename ?? "?"}#${entry.exportedName ?? "?"}`,
      pages: Object.keys(entry.workers).map((worker) => worker.replace(/^app/, "").replace(/\/page$/, "") || "/"),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** A request context signed in through next-auth's credentials endpoint (the same one the login form posts to). */
export async function signedInContext(baseURL: string, email: string, password: string): Promise<APIRequestContext> {
  const ctx = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await ctx.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const res = await ctx.post("/api/auth/callback/credentials", { form: { csrfToken, email, password, json: "true", callbackUrl: `${baseURL}/review` }, maxRedirects: 0 });
  expect(res.status(), `sign-in of ${email}`).toBeLessThan(400);
  const cookies = (await ctx.storageState()).cookies.map((c) => c.name);
  expect(cookies, `session cookie for ${email}`).toContain("next-auth.session-token");
  return ctx;
}

export type ActorName = "anonymous" | "reviewer" | "admin" | "deactivated" | "demoted";

export interface Actors {
  contexts: Record<ActorName, APIRequestContext>;
  /** A live invitation link's token (for /invite/[token]), of an invited account that has not accepted yet. */
  inviteToken: string;
  dispose(): Promise<void>;
}

/**
 * The five actors. "deactivated" and "demoted" are throwaway accounts (the demo reviewer's password hash, so the
 * same password) that sign in while active / an admin; then the database alone is changed — active=false, or
 * role=reviewer, without touching the session — so the server-side check of the account is what must refuse them.
 */
export async function createActors(baseURL: string, tag: string): Promise<Actors> {
  const password = ACCOUNTS.reviewer.password;
  const make = async (kind: "deactivated" | "demoted") => {
    const email = `matrix-${kind}-${tag}@example.com`;
    await query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, active, "updatedAt")
       SELECT $1, $2, $3, "passwordHash", $4, true, now() FROM "User" WHERE email = $5`,
      `matrix-${kind}-${tag}`,
      email,
      `Matrix ${kind}`,
      kind === "demoted" ? "admin" : "reviewer",
      ACCOUNTS.reviewer.email,
    );
    return { email, ctx: await signedInContext(baseURL, email, password) };
  };
  const deactivated = await make("deactivated");
  const demoted = await make("demoted");
  await query(`UPDATE "User" SET active = false WHERE email = $1`, deactivated.email);
  await query(`UPDATE "User" SET role = 'reviewer' WHERE email = $1`, demoted.email);
  const invitee = `matrix-invitee-${tag}`;
  const inviteToken = randomBytes(32).toString("base64url");
  await query(`INSERT INTO "User" (id, email, name, role, active, "updatedAt") VALUES ($1, $2, 'Matrix invitee', 'reviewer', true, now())`, invitee, `${invitee}@example.com`);
  await query(
    `INSERT INTO "UserInvitation" (id, "userId", purpose, "tokenHash", "expiresAt") VALUES ($1, $1, 'invite', $2, now() + interval '1 day')`,
    invitee,
    createHash("sha256").update(inviteToken, "utf8").digest("hex"),
  );
  const contexts: Record<ActorName, APIRequestContext> = {
    anonymous: await playwrightRequest.newContext({ baseURL }),
    reviewer: await signedInContext(baseURL, ACCOUNTS.reviewer.email, ACCOUNTS.reviewer.password),
    admin: await signedInContext(baseURL, ACCOUNTS.admin.email, ACCOUNTS.admin.password),
    deactivated: deactivated.ctx,
    demoted: demoted.ctx,
  };
  const dispose = async () => {
    await Promise.all(Object.values(contexts).map((c) => c.dispose()));
    // Leave no extra active account behind for the specs that follow (the demoted one is still an active reviewer).
    await query(`UPDATE "User" SET active = false, "sessionVersion" = "sessionVersion" + 1 WHERE email = ANY($1)`, [deactivated.email, demoted.email, `${invitee}@example.com`]);
  };
  return { contexts, inviteToken, dispose };
}

/**
 * Tables left out of the before/after comparison, each for a reason that is not an authorization question:
 * - _prisma_migrations: the migration runner's bookkeeping; no request writes it.
 * - RateLimitBucket: request counters. The public read API (lib/server/public-api.ts) counts every request per client
 *   by design, so reading /api/v1 moves them; they grant no access and hold no content.
 * Nothing else is excluded: the actors sign in before the first snapshot (so LoginAttempt, UserSession and
 * User.lastSignInAt are already settled), and the app has no "last seen" column a request would touch.
 */
export const SNAPSHOT_EXCLUDED_TABLES = ["_prisma_migrations", "RateLimitBucket"];

/** A digest of every row of every table (md5 of the rows' text, in a stable order), keyed by table. */
export async function databaseDigest(): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`);
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    if (SNAPSHOT_EXCLUDED_TABLES.includes(name)) continue;
    const row = await queryOne<{ digest: string; n: string }>(`SELECT md5(coalesce(string_agg(t::text, E'\\n' ORDER BY t::text), '')) AS digest, count(*) AS n FROM "${name}" t`);
    out[name] = `${row?.n}:${row?.digest}`;
  }
  return out;
}

/** What a server action answered: the kit's ActionState (null when the body carried none), and the raw response. */
export interface ActionAnswer {
  status: number;
  state: { ok: boolean; message?: string; signedOut?: boolean } | null;
  redirect: string | null;
  body: string;
}

/**
 * Calls a server action over HTTP as the browser's useActionState form does: POST to a page with `Next-Action: <id>`,
 * a same-origin Origin, and a multipart body that React's decodeReply reads as the arguments
 * `[previousState = null, formData]` (field "0" is the argument list, "$K1" the FormData whose fields are "1_<name>").
 */
export async function callAction(ctx: APIRequestContext, baseURL: string, actionId: string, fields: Record<string, string>, pagePath = "/"): Promise<ActionAnswer> {
  const boundary = `----matrix${Math.random().toString(16).slice(2)}`;
  const parts = Object.entries(fields).map(([name, value]) => [`_1_${name}`, value]);
  // The root last, as React sends it: the streaming decoder builds the FormData from the fields that came before it.
  parts.push(["0", JSON.stringify([null, "$K1"])]);
  const body = parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  const res: APIResponse = await ctx.post(pagePath, {
    headers: { "Next-Action": actionId, Accept: "text/x-component", Origin: new URL(baseURL).origin, "Content-Type": `multipart/form-data; boundary=${boundary}` },
    data: Buffer.from(body, "utf8"),
    maxRedirects: 0,
  });
  const text = await res.text();
  return { status: res.status(), state: actionState(text), redirect: res.headers()["x-action-redirect"] ?? res.headers()["location"] ?? null, body: text };
}

/** The ActionState object in a React Flight (text/x-component) answer: the row whose JSON carries an "ok" boolean. */
function actionState(body: string): ActionAnswer["state"] {
  for (const line of body.split("\n")) {
    const json = line.replace(/^[0-9a-f]+:/, "");
    if (!json.startsWith("{") || !json.includes('"ok":')) continue;
    try {
      const value = JSON.parse(json) as { ok?: unknown };
      if (typeof value.ok === "boolean") return value as ActionAnswer["state"];
    } catch {
      // not a JSON row
    }
  }
  return null;
}
