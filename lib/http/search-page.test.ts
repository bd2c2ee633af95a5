import { describe, expect, it } from "vitest";
import { searchCarriesQuery, searchPageIsPrivate, tooManySearchesPage } from "./search-page";

const params = (qs: string) => new URLSearchParams(qs);

describe("/search in the proxy", () => {
  it("counts only renders that run a query", () => {
    expect(searchCarriesQuery(params(""))).toBe(false);
    expect(searchCarriesQuery(params("tab=drafts"))).toBe(false);
    expect(searchCarriesQuery(params("q=&verdict="))).toBe(false);
    expect(searchCarriesQuery(params("q=mines"))).toBe(true);
    expect(searchCarriesQuery(params("verdict=misattributed"))).toBe(true);
    expect(searchCarriesQuery(params("cursor=abc"))).toBe(true);
  });

  it("keeps the drafts tab and every signed-in render out of shared caches", () => {
    expect(searchPageIsPrivate(params("q=mines"), [])).toBe(false);
    expect(searchPageIsPrivate(params("q=mines"), ["theme"])).toBe(false);
    expect(searchPageIsPrivate(params("tab=drafts&q=mines"), [])).toBe(true);
    expect(searchPageIsPrivate(params("q=mines"), ["next-auth.session-token"])).toBe(true);
    expect(searchPageIsPrivate(params(""), ["__Secure-next-auth.session-token"])).toBe(true);
    expect(searchPageIsPrivate(params(""), ["next-auth.session-token.0"])).toBe(true);
  });

  it("says how long to wait", () => {
    const page = tooManySearchesPage(42, 60);
    expect(page).toContain("Too many searches");
    expect(page).toContain("Try again in 42 seconds");
    expect(page).toContain("more than 60 searches");
    expect(page).not.toContain("<script");
  });
});
