/**
 * How proxy.ts treats the /search page (pure, tested in search-page.test.ts): which requests the rate limiter counts,
 * and which responses must stay out of shared caches.
 */

/** A search that runs a query: any parameter with a value but the tab (the bare page is a cached listing). */
export function searchCarriesQuery(params: URLSearchParams): boolean {
  return hasValueBut(params, ["tab", NEXT_ROUTER_PARAM]);
}

/** Whether any parameter but the `ignored` ones has a value. */
function hasValueBut(params: URLSearchParams, ignored: readonly string[]): boolean {
  for (const [key, value] of params) if (!ignored.includes(key) && value.trim() !== "") return true;
  return false;
}

/** Next's client router marks its requests with `_rsc` (a cache key, not a query of ours): never counted. */
const NEXT_ROUTER_PARAM = "_rsc";

const SESSION_COOKIE = /(^|[.-])next-auth\.session-token(\.\d+)?$/;

/**
 * The drafts tab, and any page rendered for a signed-in visitor (it shows reviewers the tabs), is private: never
 * stored by a CDN, nor served to anyone else. Only the anonymous published variant gets the public cache policy.
 */
export function searchPageIsPrivate(params: URLSearchParams, cookieNames: readonly string[]): boolean {
  return params.get("tab") === "drafts" || cookieNames.some((name) => SESSION_COOKIE.test(name));
}

/** A 429 page: plain HTML (no app shell, no script), saying what was refused and when to try again. */
export function tooManyRequestsPage(what: { title: string; sentence: string }, retryAfterSeconds: number): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${what.title} – Provenance</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1c1917;line-height:1.5}a{color:#1e40af}</style></head>
<body><main><h1>${what.title}</h1>
<p>${what.sentence} Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.</p>
<p><a href="/">Back to the articles</a></p></main></body></html>`;
}

/** The 429 page of /search. */
export function tooManySearchesPage(retryAfterSeconds: number, limit: number): string {
  return tooManyRequestsPage({ title: "Too many searches", sentence: `Your network has sent more than ${limit} searches in a minute.` }, retryAfterSeconds);
}

/**
 * An anonymous render the shared caches cannot answer from one stored copy: a public page (other than /search, limited
 * on its own) asked with any query parameter (filters, a page, an order). Each distinct query renders afresh, so these
 * are counted per address; the bare pages are cached and not counted, and signed-in renders are not counted here.
 */
export function rendersOnDemand(isPublicPage: boolean, path: string, params: URLSearchParams, cookieNames: readonly string[]): boolean {
  if (!isPublicPage || path === "/search" || cookieNames.some((name) => SESSION_COOKIE.test(name))) return false;
  return hasValueBut(params, [NEXT_ROUTER_PARAM]);
}

/** The 429 page of an on-demand render. */
export function tooManyRendersPage(retryAfterSeconds: number, limit: number): string {
  return tooManyRequestsPage({ title: "Too many requests", sentence: `Your network has asked for more than ${limit} filtered or paged pages in a minute.` }, retryAfterSeconds);
}
