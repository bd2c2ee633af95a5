import { expect, test } from "@playwright/test";
import { query, queryOne } from "./helpers/db";
import { DEMO_SLUG } from "./helpers/session";
import { builtActions, builtRoutes, callAction, createActors, databaseDigest, type ActionAnswer, type ActorName, type Actors } from "./helpers/security";

// The authorization matrix, generated from the production build: every page and route handler (app-paths manifest)
// and every server action (server-reference manifest), for five actors — anonymous, reviewer, admin, a reviewer
// deactivated after signing in, an admin demoted after signing in — against the policy declared below. A route or an
// action the tables below do not classify fails the test, so a new one has to be placed in the policy to ship.

test.describe.configure({ mode: "serial" });

type Access = "public" | "reviewer" | "admin" | "next-internal";

/**
 * Who may open a route, by pattern prefix (a prefix matches itself and everything below it; "/" matches only "/").
 * The longest matching prefix wins.
 */
const ROUTE_POLICY: Record<string, Access> = {
  "/": "public",
  "/_global-error": "next-internal", // Next's own error boundary page, never addressed directly
  "/_not-found": "next-internal", // Next's own 404 page
  "/admin": "admin",
  "/api/auth": "public", // next-auth's endpoints (csrf, session, providers, sign-in)
  "/api/health": "public",
  "/api/ready": "public",
  "/api/v1": "public", // the read API of published articles
  "/articles": "public",
  "/corrections": "public",
  "/invite": "public", // the invitation token in the path is the credential
  "/login": "public",
  "/methodology": "public",
  "/reports": "public", // a reader's private report link: the token in the path is the credential
  "/review": "reviewer",
  "/search": "public",
  "/sources": "public",
};

/** Who may call a server action, by "file#export" (as the build's manifest names it). "invitee": the form's token is the credential. */
type ActionAccess = "public" | "reviewer" | "admin" | "invitee";

/** Real ids from the seeded demo, for the forms below and the dynamic route segments. */
interface Ids {
  slug: string;
  articleId: string;
  articleVersion: number;
  annotationId: string;
  annotationVersion: number;
  otherAnnotationId: string;
  statementId: string;
  sourceId: string;
  otherSourceId: string;
  targetUserId: string;
  targetUserVersion: number;
  claimTypeId: string;
  claimTypeVersion: number;
}

/**
 * Each action's access and a well-formed form that WOULD change the database if the actor check were missing (so the
 * before/after comparison means something).
 */
const ACTION_POLICY: Record<string, { access: ActionAccess; form: (ids: Ids) => Record<string, string> }> = {
  "lib/actions/account/sessions.ts#signOutEverywhereAction": { access: "reviewer", form: () => ({}) },
  "lib/actions/admin/sign-in.ts#liftSignInLocksAction": { access: "admin", form: (ids) => ({ userId: ids.targetUserId }) },
  "lib/actions/admin/users.ts#changeRoleAction": { access: "admin", form: (ids) => ({ userId: ids.targetUserId, role: "admin", version: String(ids.targetUserVersion) }) },
  "lib/actions/admin/users.ts#inviteAction": { access: "admin", form: () => ({ name: "Matrix Intruder", email: "matrix-intruder@example.com", role: "admin" }) },
  "lib/actions/admin/users.ts#resetPasswordAction": { access: "admin", form: (ids) => ({ userId: ids.targetUserId, version: String(ids.targetUserVersion) }) },
  "lib/actions/admin/users.ts#setActiveAction": { access: "admin", form: (ids) => ({ userId: ids.targetUserId, version: String(ids.targetUserVersion), intent: "deactivate" }) },
  "lib/actions/admin/sources.ts#mergeSourceAction": { access: "admin", form: (ids) => ({ sourceId: ids.sourceId, sourceVersion: "1", intoId: ids.otherSourceId, intoVersion: "1" }) },
  "lib/actions/admin/sources.ts#unmergeSourceAction": { access: "admin", form: (ids) => ({ sourceId: ids.sourceId, version: "1" }) },
  "lib/actions/admin/vocabulary.ts#createVocabularyAction": { access: "admin", form: () => ({ kind: "claim_type", label: "Matrix type", shortLabel: "MT", description: "", color: "#1d4ed8" }) },
  "lib/actions/admin/vocabulary.ts#deleteVocabularyAction": { access: "admin", form: (ids) => ({ kind: "claim_type", id: ids.claimTypeId, version: String(ids.claimTypeVersion) }) },
  "lib/actions/admin/vocabulary.ts#moveVocabularyAction": { access: "admin", form: (ids) => ({ kind: "claim_type", id: ids.claimTypeId, version: String(ids.claimTypeVersion), direction: "down" }) },
  "lib/actions/admin/vocabulary.ts#retireVocabularyAction": { access: "admin", form: (ids) => ({ kind: "claim_type", id: ids.claimTypeId, version: String(ids.claimTypeVersion), retired: "true" }) },
  "lib/actions/admin/vocabulary.ts#updateVocabularyAction": {
    access: "admin",
    form: (ids) => ({ kind: "claim_type", id: ids.claimTypeId, version: String(ids.claimTypeVersion), label: "Hijacked", shortLabel: "H", description: "", color: "#000000" }),
  },
  "lib/actions/claims/links.ts#decideClaimAction": { access: "reviewer", form: (ids) => ({ annotationId: ids.annotationId, otherAnnotationId: ids.otherAnnotationId, relation: "different" }) },
  "lib/actions/claims/links.ts#undoClaimAction": { access: "reviewer", form: (ids) => ({ annotationId: ids.annotationId, otherAnnotationId: ids.otherAnnotationId }) },
  // No session is needed, but a made-up token must never set anyone's password.
  "lib/actions/invite/accept.ts#acceptInvitationAction": { access: "invitee", form: () => ({ token: "x".repeat(43), password: "matrix-password-123", confirm: "matrix-password-123" }) },
  // Anyone may report a problem (abuse is limited per address: lib/server/reader-reports.test.ts); nobody to refuse.
  "lib/actions/reports/reader-reports.ts#submitReaderReportAction": {
    access: "public",
    form: (ids) => ({ annotationId: ids.annotationId, reason: "other", message: "Matrix report", email: "", website: "" }),
  },
  "lib/actions/reports/reader-reports.ts#triageReportAction": { access: "reviewer", form: () => ({ action: "decline", reportId: "matrix-report", version: "1", declineReason: "matrix" }) },
  "lib/actions/review/annotations.ts#deleteAnnotationAction": { access: "reviewer", form: (ids) => ({ annotationId: ids.annotationId, version: String(ids.annotationVersion), confirmed: "yes" }) },
  "lib/actions/review/annotations.ts#reviewAction": { access: "reviewer", form: (ids) => ({ decision: "return", annotationId: ids.annotationId, version: String(ids.annotationVersion), comment: "matrix" }) },
  "lib/actions/review/annotations.ts#saveAnnotationAction": {
    access: "reviewer",
    form: (ids) => ({
      payload: JSON.stringify({ statementId: ids.statementId, baseVersion: null, fields: { claimTypeSlug: "official-statement", statusSlug: "verified", attributionText: "", speakerName: "", speakerKind: "", speakerRole: "", claimDate: "", rationale: "", chain: [], evidence: [] } }),
      intent: "draft",
      articleId: ids.articleId,
    }),
  },
  "lib/actions/review/annotations.ts#searchSourcesAction": { access: "reviewer", form: () => ({ query: "a" }) },
  "lib/actions/review/articles.ts#importAction": { access: "reviewer", form: () => ({ intent: "import", title: "Matrix import", text: "Somebody said something. Then somebody else said another thing.", language: "en" }) },
  "lib/actions/review/articles.ts#publishAction": { access: "reviewer", form: (ids) => ({ articleId: ids.articleId, version: String(ids.articleVersion), publish: "false" }) },
  "lib/actions/review/corrections.ts#confirmCorrectionAction": { access: "reviewer", form: (ids) => ({ articleId: ids.articleId, text: "Corrected.", reason: "matrix", fromRevision: "1" }) },
  "lib/actions/review/corrections.ts#previewCorrectionAction": { access: "reviewer", form: (ids) => ({ articleId: ids.articleId, text: "Corrected." }) },
  "lib/actions/review/removal.ts#requestRemovalAction": { access: "reviewer", form: (ids) => ({ annotationId: ids.annotationId, version: String(ids.annotationVersion), reason: "Matrix: remove this verdict." }) },
  "lib/actions/review/removal.ts#cancelRemovalAction": { access: "reviewer", form: (ids) => ({ annotationId: ids.annotationId, version: String(ids.annotationVersion) }) },
  "lib/actions/review/removal.ts#confirmRemovalAction": { access: "reviewer", form: (ids) => ({ annotationId: ids.annotationId, version: String(ids.annotationVersion) }) },
  "lib/actions/review/removal.ts#requestReattachAction": { access: "reviewer", form: (ids) => ({ annotationId: ids.annotationId, version: String(ids.annotationVersion), statementId: ids.statementId }) },
  "lib/actions/review/removal.ts#cancelReattachAction": { access: "reviewer", form: (ids) => ({ annotationId: ids.annotationId, version: String(ids.annotationVersion) }) },
  "lib/actions/review/removal.ts#confirmReattachAction": { access: "reviewer", form: (ids) => ({ annotationId: ids.annotationId, version: String(ids.annotationVersion) }) },
  "lib/actions/review/statements.ts#mergeAction": { access: "reviewer", form: (ids) => ({ firstId: ids.statementId, secondId: ids.statementId, confirmed: "yes" }) },
  "lib/actions/review/statements.ts#selectSpanAction": { access: "reviewer", form: (ids) => ({ articleId: ids.articleId, start: "0", end: "5" }) },
  "lib/actions/review/statements.ts#splitAction": { access: "reviewer", form: (ids) => ({ statementId: ids.statementId, at: "3", keep: "first", confirmed: "yes" }) },
};

/** lib/actions/errors.ts ADMINS_ONLY (that module is server-only, so it cannot be imported here). */
const ADMINS_ONLY = "Admins only: you do not have permission to do that.";

const ACTORS: ActorName[] = ["anonymous", "reviewer", "admin", "deactivated", "demoted"];

/** The role each actor's session grants at request time (the database's view, which is the one that counts). */
const GRANTED: Record<ActorName, "none" | "reviewer" | "admin"> = { anonymous: "none", reviewer: "reviewer", admin: "admin", deactivated: "none", demoted: "reviewer" };

function mayAccess(actor: ActorName, access: "public" | "reviewer" | "admin"): boolean {
  if (access === "public") return true;
  if (access === "reviewer") return GRANTED[actor] !== "none";
  return GRANTED[actor] === "admin";
}

function classify(pattern: string): Access | undefined {
  let best: string | undefined;
  for (const prefix of Object.keys(ROUTE_POLICY)) {
    const matches = prefix === "/" ? pattern === "/" : pattern === prefix || pattern.startsWith(`${prefix}/`);
    if (matches && (!best || prefix.length > best.length)) best = prefix;
  }
  return best ? ROUTE_POLICY[best] : undefined;
}

/** A concrete path for a route pattern: each dynamic segment, named with the segment before it, gets a real value. */
function concretePath(pattern: string, ids: Ids & { inviteToken: string }): string {
  const values: Record<string, string> = {
    "articles/[slug]": ids.slug,
    "annotation/[annotationId]": ids.annotationId,
    "annotations/[id]": ids.annotationId,
    "review/articles/[id]": ids.articleId,
    "sources/[id]": ids.sourceId,
    "invite/[token]": ids.inviteToken,
    "reports/[token]": "x".repeat(43), // a made-up follow link: the same 404 for everyone
    "versions/[revision]": "1",
    "auth/[...nextauth]": "session",
    "v1/[...path]": "no-such-endpoint",
  };
  const segments = pattern.split("/");
  return segments
    .map((segment, i) => {
      if (!segment.startsWith("[")) return segment;
      const key = i >= 2 && segments[i - 2] === "review" ? `review/${segments[i - 1]}/${segment}` : `${segments[i - 1]}/${segment}`;
      const value = values[key];
      if (!value) throw new Error(`No value for the dynamic segment ${segment} of ${pattern}: add one to concretePath's table.`);
      return encodeURIComponent(value);
    })
    .join("/");
}

/**
 * The page to post an action to: one whose bundle holds it (a public one first), as the browser's form does. Posted
 * elsewhere, Next forwards the call internally to such a page anyway (through proxy.ts).
 */
function actionPage(pages: string[], ids: Ids & { inviteToken: string }): string {
  const candidates = pages.filter((p) => classify(p) && classify(p) !== "next-internal");
  const chosen = candidates.find((p) => classify(p) === "public") ?? candidates[0];
  if (!chosen) throw new Error(`No page holds the action (pages: ${pages.join(", ")})`);
  return concretePath(chosen, ids);
}

async function demoIds(): Promise<Ids> {
  const article = await queryOne<{ id: string; version: number }>(`SELECT id, version FROM "Article" WHERE slug = $1`, DEMO_SLUG);
  if (!article) throw new Error("The demo article is missing from the e2e database.");
  const annotations = await query<{ id: string; version: number; statementId: string }>(
    `SELECT id, version, "statementId" FROM "Annotation" WHERE "articleId" = $1 AND "workflowState" = 'approved' ORDER BY id LIMIT 2`,
    article.id,
  );
  const sources = await query<{ id: string }>(`SELECT DISTINCT s.id FROM "Source" s JOIN "ProvenanceHop" h ON h."sourceId" = s.id ORDER BY s.id LIMIT 2`);
  const target = await queryOne<{ id: string; version: number }>(`SELECT id, version FROM "User" WHERE email = 'reviewer2@example.com'`);
  const claimType = await queryOne<{ id: string; version: number }>(`SELECT id, version FROM "ClaimType" ORDER BY position LIMIT 1`);
  return {
    slug: DEMO_SLUG,
    articleId: article.id,
    articleVersion: article.version,
    annotationId: annotations[0].id,
    annotationVersion: annotations[0].version,
    otherAnnotationId: annotations[1].id,
    statementId: annotations[0].statementId,
    sourceId: sources[0].id,
    otherSourceId: sources[1].id,
    targetUserId: target!.id,
    targetUserVersion: target!.version,
    claimTypeId: claimType!.id,
    claimTypeVersion: claimType!.version,
  };
}

/** A refusal of a page or route handler: a redirect to the sign-in page, or 401/403. */
function isRefusal(status: number, location: string | undefined): boolean {
  return status === 401 || status === 403 || (status >= 300 && status < 400 && !!location && /\/login(\?|$)/.test(location));
}

test.describe("authorization matrix", () => {
  let actors: Actors;
  let ids: Ids;

  test.beforeAll(async ({ baseURL }) => {
    ids = await demoIds();
    actors = await createActors(baseURL as string, Date.now().toString(36));
  });
  test.afterAll(async () => {
    await actors?.dispose();
  });

  test("every route and every server action of the build is classified", () => {
    const routes = builtRoutes();
    expect(routes.length).toBeGreaterThan(20);
    const unclassifiedRoutes = routes.filter((r) => !classify(r.pattern)).map((r) => r.pattern);
    expect(unclassifiedRoutes, "routes missing from ROUTE_POLICY").toEqual([]);
    const actions = builtActions();
    expect(actions.length).toBeGreaterThan(20);
    const unclassifiedActions = actions.filter((a) => !ACTION_POLICY[a.key]).map((a) => a.key);
    expect(unclassifiedActions, "server actions missing from ACTION_POLICY").toEqual([]);
    // A stale entry (a renamed or deleted action) would silently test nothing.
    const built = new Set(actions.map((a) => a.key));
    expect(Object.keys(ACTION_POLICY).filter((key) => !built.has(key)), "ACTION_POLICY entries the build does not have").toEqual([]);
  });

  test("every page and route handler, for every actor, answers as the policy says, and no GET changes the database", async () => {
    test.setTimeout(120_000);
    const before = await databaseDigest();
    const paths = { ...ids, inviteToken: actors.inviteToken };
    const failures: string[] = [];
    let checked = 0;
    for (const { pattern } of builtRoutes()) {
      const access = classify(pattern);
      if (!access || access === "next-internal") continue;
      const path = concretePath(pattern, paths);
      const publicStatuses = new Set<number>();
      for (const actor of ACTORS) {
        const res = await actors.contexts[actor].get(path, { maxRedirects: 0 });
        const status = res.status();
        const location = res.headers()["location"];
        checked += 1;
        const refused = isRefusal(status, location);
        const allowed = mayAccess(actor, access);
        if (status >= 500) failures.push(`${actor} GET ${path}: ${status}`);
        else if (allowed && refused) failures.push(`${actor} GET ${path}: refused (${status} ${location ?? ""}) but the policy says ${access}`);
        else if (allowed && access !== "public" && status !== 200 && !(status >= 300 && status < 400)) failures.push(`${actor} GET ${path}: ${status}, expected 200 (or a redirect within the area)`);
        else if (!allowed && !refused) failures.push(`${actor} GET ${path}: ${status}, expected a refusal (policy: ${access})`);
        if (access === "public") publicStatuses.add(status);
      }
      // A public route answers everyone alike (a 404 for the unknown API path is still a 404 for all).
      if (publicStatuses.size > 1) failures.push(`GET ${path}: public, but the actors got different statuses ${[...publicStatuses].join(", ")}`);
    }
    expect(failures).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    expect(await databaseDigest()).toEqual(before);
  });

  test("every server action, called directly by each actor who may not use it, is refused and changes nothing", async ({ baseURL }) => {
    test.setTimeout(180_000);
    const failures: string[] = [];
    let calls = 0;
    const paths = { ...ids, inviteToken: actors.inviteToken };
    const before = await databaseDigest();
    for (const action of builtActions()) {
      const policy = ACTION_POLICY[action.key];
      if (!policy) continue; // reported by the classification test
      if (policy.access === "public") continue; // nobody to refuse
      const refusedActors = ACTORS.filter((actor) => policy.access === "invitee" || !mayAccess(actor, policy.access));
      expect(refusedActors.length, action.key).toBeGreaterThan(0);
      const page = actionPage(action.pages, paths);
      for (const actor of refusedActors) {
        const answer = await callAction(actors.contexts[actor], baseURL as string, action.id, policy.form(ids), page);
        calls += 1;
        const problem = refusalProblem(answer, actor, policy.access);
        if (problem) failures.push(`${actor} → ${action.key}: ${problem}`);
      }
    }
    expect(failures).toEqual([]);
    expect(calls).toBeGreaterThan(50);
    expect(await databaseDigest()).toEqual(before);
  });

  test("the same call succeeds for an actor who may make it (the matrix is not refusing everything)", async ({ baseURL }) => {
    const search = builtActions().find((a) => a.key.endsWith("#searchSourcesAction"))!;
    for (const actor of ["reviewer", "demoted", "admin"] as const) {
      const answer = await callAction(actors.contexts[actor], baseURL as string, search.id, { query: "a" });
      expect(answer.state, `${actor}: ${answer.body.slice(0, 300)}`).toMatchObject({ ok: true });
    }
    const invite = builtActions().find((a) => a.key.endsWith("#inviteAction"))!;
    // Well-formed but refused by a domain rule (the address is taken): the admin got past the actor check.
    const answer = await callAction(actors.contexts.admin, baseURL as string, invite.id, { name: "Again", email: "reviewer@example.com", role: "reviewer" });
    expect(answer.state).toMatchObject({ ok: false });
    expect(answer.state?.message).not.toBe(ADMINS_ONLY);
    expect(answer.state?.signedOut).toBeUndefined();
  });
});

/**
 * What the kit answers a caller it refuses (lib/actions/kit.ts → errors.ts): no session (anonymous, or an account that
 * is no longer active) → { ok: false, signedOut: true } — or, for an anonymous call into /review or /admin, proxy.ts's
 * 401 "Sign in first." before the action runs; a session without the role → { ok: false, message: the
 * admin wording's "Admins only…" }. An invitee action with a made-up token → { ok: false } without success. A redirect
 * (the kit passes those through) is never a refusal here: every redirecting action redirects only after its write.
 * Deliberately strict: a refusal that comes only from the data layer ("You do not have permission to do that.") means
 * the action's declared actor (defineAction's `actor`) no longer matches ACTION_POLICY, and fails too.
 */
function refusalProblem(answer: ActionAnswer, actor: ActorName, access: ActionAccess): string | null {
  const summary = `${answer.status} ${answer.redirect ?? ""} ${JSON.stringify(answer.state) ?? answer.body.slice(0, 200)}`;
  // proxy.ts answers a call into /review or /admin without a valid session token before Next runs the action.
  if (answer.status === 401 && GRANTED[actor] === "none" && actor === "anonymous" && answer.body.startsWith("Sign in first.")) return null;
  if (answer.status >= 500) return `server error: ${summary}`;
  if (answer.redirect) return `redirected: ${summary}`;
  if (!answer.state) return `no action state in the answer: ${summary}`;
  if (answer.state.ok) return `SUCCEEDED: ${summary}`;
  if (access === "invitee") return answer.state.signedOut ? `unexpected signed-out state: ${summary}` : null;
  if (GRANTED[actor] === "none") return answer.state.signedOut === true ? null : `expected the signed-out refusal: ${summary}`;
  return answer.state.message === ADMINS_ONLY && !answer.state.signedOut ? null : `expected the admins-only refusal: ${summary}`;
}
