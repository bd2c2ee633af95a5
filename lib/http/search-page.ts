/**
 * How proxy.ts treats the /search page (pure, tested in search-page.test.ts): which requests the rate limiter counts,
 * and which responses must stay out of shared caches.
 */

/** A search that runs a query: any parameter with a value but the tab (the bare page is a cached listing). */
export function searchCarriesQuery(params: URLSearchParams): boolean {
  for (const [key, value] of params) if (key !== "tab" && value.trim() !== "") return true;
  return false;
}

const SESSION_COOKIE = /(^|[.-])next-auth\.session-token(\.\d+)?$/;

/**
 * The drafts tab, and any page rendered for a signed-in visitor (it shows reviewers the tabs), is private: never
 * stored by a CDN, nor served to anyone else. Only the anonymous published variant gets the public cache policy.
 */
export function searchPageIsPrivate(params: URLSearchParams, cookieNames: readonly string[]): boolean {
  return params.get("tab") === "drafts" || cookieNames.some((name) => SESSION_COOKIE.test(name));
}

/** The 429 page: plain HTML (no app shell, no script), saying when to try again. */
export function tooManySearchesPage(retryAfterSeconds: number, limit: number): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Too many searches – Provenance</title>
<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;color:#1c1917;line-height:1.5}a{color:#1e40af}</style></head>
<body><main><h1>Too many searches</h1>
<p>Your network has sent more than ${limit} searches in a minute. Try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.</p>
<p><a href="/">Back to the articles</a></p></main></body></html>`;
}
