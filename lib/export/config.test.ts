import { describe, expect, it } from "vitest";
import { annotationApiUrl, annotationPermalink, articleAnnotationsApiUrl, articleUrl, reviewerUrl, type ExportContext } from "./config";

const ctx: ExportContext = { baseUrl: "https://provenance.example", publisher: { name: "P", url: "https://p.example" } };

describe("URL builders", () => {
  it("build the documented URLs", () => {
    expect(articleUrl(ctx, "baltic")).toBe("https://provenance.example/articles/baltic");
    expect(annotationPermalink(ctx, "baltic", "ann1")).toBe(
      "https://provenance.example/articles/baltic?annotation=ann1#annotation-ann1",
    );
    expect(annotationApiUrl(ctx, "ann1")).toBe("https://provenance.example/api/v1/annotations/ann1");
    expect(articleAnnotationsApiUrl(ctx, "baltic")).toBe("https://provenance.example/api/v1/articles/baltic/annotations");
    expect(reviewerUrl(ctx, "u1")).toBe("https://provenance.example/reviewers/u1");
  });

  it("tolerate a trailing slash on baseUrl and encode path segments", () => {
    const slashed = { ...ctx, baseUrl: "https://provenance.example/app/" };
    expect(articleUrl(slashed, "a b")).toBe("https://provenance.example/app/articles/a%20b");
    expect(annotationApiUrl(slashed, "x/y")).toBe("https://provenance.example/app/api/v1/annotations/x%2Fy");
  });
});
