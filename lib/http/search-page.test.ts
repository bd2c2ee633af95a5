import { describe, expect, it } from "vitest";
import { rendersOnDemand, searchCarriesQuery, searchPageIsPrivate, tooManyRendersPage, tooManySearchesPage } from "./search-page";

const params = (qs: string) => new URLSearchParams(qs);

describe("/search in the proxy", () => {
  it("counts only renders that run a query", () => {
    expect(searchCarriesQuery(params(""))).toBe(false);
    expect(searchCarriesQuery(params("tab=drafts"))).toBe(false);
    expect(searchCarriesQuery(params("q=&verdict="))).toBe(false);
    expect(searchCarriesQuery(params("q=mines"))).toBe(true);
    expect(searchCarriesQuery(params("verdict=misattributed"))).toBe(true);
    expect(searchCarriesQuery(params("cursor=abc"))).toBe(true);
    expect(searchCarriesQuery(params("_rsc=1x2y"))).toBe(false);
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

describe("anonymous on-demand renders in the proxy", () => {
  it("counts a public page asked with a query, never the bare page, a signed-in render, /search or the router's own requests", () => {
    expect(rendersOnDemand(true, "/articles/demo", params("status=false"), [])).toBe(true);
    expect(rendersOnDemand(true, "/", params("page=3"), [])).toBe(true);
    expect(rendersOnDemand(true, "/articles/demo", params(""), [])).toBe(false);
    expect(rendersOnDemand(true, "/articles/demo", params("status="), [])).toBe(false);
    expect(rendersOnDemand(true, "/articles/demo", params("_rsc=abc"), [])).toBe(false);
    expect(rendersOnDemand(true, "/articles/demo", params("status=false"), ["next-auth.session-token"])).toBe(false);
    expect(rendersOnDemand(true, "/search", params("q=mines"), [])).toBe(false);
    expect(rendersOnDemand(false, "/review", params("x=1"), [])).toBe(false);
  });

  it("says how long to wait, without a script", () => {
    const page = tooManyRendersPage(7, 300);
    expect(page).toContain("Too many requests");
    expect(page).toContain("more than 300 filtered or paged pages in a minute");
    expect(page).toContain("Try again in 7 seconds");
    expect(page).not.toContain("<script");
  });
});
