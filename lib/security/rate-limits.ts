/**
 * Every rate limit the app applies, by class of request (docs/SECURITY.md lists them). Counted per client address
 * (lib/http/client-address.ts) and, for sign-in, per email too, by lib/server/rate-limit.ts.
 */
const MINUTE = 60 * 1000;

export const RATE_LIMITS = {
  /**
   * Sign-in attempts from one address, whatever the email: against password spraying. Counted before the password
   * is checked and given back on success, so it bounds failed (and in-flight) attempts; refused with 429.
   */
  signInPerAddress: { name: "signin-ip", limit: 30, windowMs: 15 * MINUTE },
  /**
   * Sign-in attempts at one email from one address. Counted before the password is checked (so parallel guesses
   * cannot all be checked) and forgotten on success. The owner signing in from elsewhere is not affected.
   */
  signInPerEmailAndAddress: { name: "signin-email-ip", limit: 5, windowMs: 15 * MINUTE },
  /**
   * Failed sign-ins at one email from anywhere. Never locks; at `limit` the account is reported as under attack
   * (an audit event and a banner on /admin/users).
   */
  signInFailuresPerEmail: { name: "signin-failures", limit: 20, windowMs: 60 * MINUTE },
  /** The public read API (/api/v1), per address. Refused with 429 and problem details. */
  publicApiPerAddress: { name: "api-ip", limit: 600, windowMs: MINUTE },
  /**
   * /search page renders that carry a query (words, a filter or a page cursor), per address: each one runs a
   * full-text and trigram query. Counted in proxy.ts; refused with a 429 page and Retry-After. The bare /search page
   * is not counted (it is cached like the other reader pages).
   */
  searchPagePerAddress: { name: "search-ip", limit: 60, windowMs: MINUTE },
  /**
   * Anonymous renders of public pages asked with a query (filters, paging, order; lib/http/search-page.ts
   * rendersOnDemand), per address: each distinct query renders afresh. Counted in proxy.ts; a 429 page with Retry-After.
   */
  pageRenderPerAddress: { name: "render-ip", limit: 300, windowMs: MINUTE },
  /** Reader error reports, per address: against flooding the reviewers' queue. Refused with a clear message. */
  readerReportPerAddress: { name: "report-ip", limit: 5, windowMs: 60 * MINUTE },
} as const satisfies Record<string, { name: string; limit: number; windowMs: number }>;
