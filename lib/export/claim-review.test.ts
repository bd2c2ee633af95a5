import { describe, expect, it } from "vitest";
import type { PublicAnnotationDTO } from "@/lib/domain/types";
import { ARTICLE, CTX, PODLESNY, SIGNED_1999, SPOKESPERSON } from "./__fixtures__/baltic";
import { claimAuthor, toClaimReview, toClaimReviews, toJsonLdScriptContent } from "./claim-review";

const rated = (a: PublicAnnotationDTO, slug = "partly-true", label = "Partly true", rating = 3): PublicAnnotationDTO => ({
  ...a,
  status: { ...a.status, slug, label, rating },
});

describe("toClaimReview", () => {
  it("produces nothing for an unrated status", () => {
    expect(toClaimReview(CTX, ARTICLE, SPOKESPERSON)).toBeNull();
    expect(toClaimReviews(CTX, ARTICLE, [SPOKESPERSON, PODLESNY])).toEqual([]);
  });

  it("credits a named person as a Person and keeps a year-only claim date", () => {
    const review = toClaimReview(CTX, ARTICLE, rated(PODLESNY));
    expect(review?.itemReviewed).toMatchObject({
      author: { "@type": "Person", name: "Gennady Podlesny" },
      datePublished: "2021",
    });
    // The first hop (Podlesny himself) has no URL, so there is no firstAppearance.
    expect(review?.itemReviewed.firstAppearance).toBeUndefined();
    expect(review?.reviewRating).toEqual({
      "@type": "Rating",
      ratingValue: 3,
      bestRating: 5,
      worstRating: 1,
      alternateName: "Partly true",
    });
  });

  it("credits an unnamed spokesperson by role", () => {
    expect(claimAuthor(ARTICLE, rated(SPOKESPERSON))).toEqual({
      "@type": "Person",
      name: "spokesperson, Estonian foreign ministry",
    });
  });

  it("falls back from the outlet to the byline to Unknown for the article's own assertions", () => {
    expect(claimAuthor(ARTICLE, SIGNED_1999)).toEqual({ "@type": "Organization", name: "Example Defense News" });
    expect(claimAuthor({ ...ARTICLE, outlet: null }, SIGNED_1999)).toEqual({ "@type": "Person", name: "Staff Writer" });
    expect(claimAuthor({ ...ARTICLE, outlet: " ", byline: null }, SIGNED_1999)).toEqual({
      "@type": "Organization",
      name: "Unknown",
    });
  });

  it("leaves out a claim date that is not an ISO date, and appearance without an original URL", () => {
    const review = toClaimReview(CTX, { ...ARTICLE, originalUrl: null }, { ...rated(PODLESNY), claimDate: "in a 2021 interview" });
    expect(review?.itemReviewed).not.toHaveProperty("datePublished");
    expect(review?.itemReviewed).not.toHaveProperty("appearance");
  });

  it("dates the review by its approval, falling back to the last modification", () => {
    expect(toClaimReview(CTX, ARTICLE, SIGNED_1999)?.datePublished).toMatch(/^2025-06-30T/);
    expect(toClaimReview(CTX, ARTICLE, { ...SIGNED_1999, approvedAt: null })?.datePublished).toMatch(/^2025-06-29T/);
  });

  it("datePublished is the verdict's first publication, dateModified its latest verdict change", () => {
    const review = toClaimReview(CTX, ARTICLE, { ...SIGNED_1999, verdictPublishedAt: "2025-07-01T10:00:00.000Z", verdictChangedAt: "2025-08-02T11:30:00.000Z" });
    expect(review).toMatchObject({ datePublished: "2025-07-01T10:00:00Z", dateModified: "2025-08-02T11:30:00Z" });
    // Never changed: modified when published.
    expect(toClaimReview(CTX, ARTICLE, { ...SIGNED_1999, verdictPublishedAt: "2025-07-01T10:00:00.000Z", verdictChangedAt: "2025-07-01T10:00:00.000Z" })?.dateModified).toBe("2025-07-01T10:00:00Z");
  });

  it("a clustered claim lists every published article where it appears; an unclustered one only its own", () => {
    const other = { slug: "mines-again", title: "Mines, again", outlet: "The Courier", byline: "By Ann Lee", originalUrl: "https://courier.example/mines", publishedDate: "2025-07-03" };
    const bare = { slug: "mines-bare", title: "Bare copy", outlet: null, byline: null, originalUrl: null, publishedDate: "July" };
    const a = rated(PODLESNY);
    const review = toClaimReview(CTX, ARTICLE, a, { appearances: { [a.id]: [other, bare] } });
    expect(review?.itemReviewed.appearance).toEqual([
      { "@type": "CreativeWork", url: ARTICLE.originalUrl, headline: ARTICLE.title, ...(ARTICLE.publishedDate ? { datePublished: ARTICLE.publishedDate } : {}), ...(ARTICLE.byline ? { author: expect.objectContaining({ "@type": "Person" }) } : {}), ...(ARTICLE.outlet ? { publisher: { "@type": "Organization", name: ARTICLE.outlet } } : {}) },
      { "@type": "CreativeWork", url: "https://courier.example/mines", headline: "Mines, again", datePublished: "2025-07-03", author: { "@type": "Person", name: "Ann Lee" }, publisher: { "@type": "Organization", name: "The Courier" } },
      // No original recorded: our checked copy; a date that is not ISO is left out.
      { "@type": "CreativeWork", url: `${CTX.baseUrl}/articles/mines-bare`, headline: "Bare copy" },
    ]);
    expect(toClaimReview(CTX, ARTICLE, a, { appearances: { other: [other] } })?.itemReviewed.appearance).toMatchObject({ "@type": "CreativeWork", url: ARTICLE.originalUrl });
  });
});

describe("toJsonLdScriptContent", () => {
  it("cannot close the script element", () => {
    const out = toJsonLdScriptContent({ claimReviewed: "</script><script>alert(1)</script> & <!--" });
    expect(out).not.toMatch(/[<>&]/);
    expect(JSON.parse(out)).toEqual({ claimReviewed: "</script><script>alert(1)</script> & <!--" });
  });
});
