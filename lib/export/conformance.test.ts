/**
 * Conformance of the Web Annotation export against the W3C's own assertions (web-platform-tests annotation-model,
 * copied into ./wpt-annotation-model), plus checks that the selectors and ClaimReview fields say what the text says.
 */
import { describe, expect, it } from "vitest";
import type { PublicAnnotationDTO } from "@/lib/domain/types";
import { ANALYST, ANNOTATIONS, ARTICLE, CTX, INTERFAX, PODLESNY, SIGNED_1999, SPOKESPERSON } from "./__fixtures__/baltic";
import { toAnnotationCollection } from "./annotation-collection";
import { toClaimReviews } from "./claim-review";
import { annotationPermalink } from "./config";
import { toWebAnnotation, type WebAnnotation } from "./web-annotation";
import { loadWptSuite, type AssertionResult } from "./wpt-runner";

const suite = loadWptSuite();

const MUSTS = "annotations/annotationMusts.test";
const OPTIONALS = "annotations/annotationOptionals.test";
const BODY_MODEL = "bodiesTargets/3.2-model.test";

/**
 * The only assertion we cannot run: it `$ref`s `bodyTarget.json#/definitions/modifiedPropertyFound`, which no stored
 * version of bodyTarget.json defines (the definition lives in otherProperties.json), so the schema does not compile.
 * It is an informational "may" check (is `modified` used on a body?) — see wpt-annotation-model/SOURCE.md.
 */
const UNRESOLVABLE = {
  "bodiesTargets/modifiedUsedWithBody.json": "unresolvable $ref bodyTarget.json#/definitions/modifiedPropertyFound",
};

/** Optional features we deliberately do not implement, with why. */
const OPTIONAL_NOT_IMPLEMENTED: Record<string, string> = {
  "annotations/3.2.5-bodyValueImplemented.json": "bodyValue and body are exclusive; we need several bodies",
  "annotations/3.3.7-annotationViaImplemented.json": "via names an annotation this one was copied from; none is",
};

/**
 * "…UsedWithBody" detections expect `invalid` (feature absent); an unexpected `valid` only reports that the feature is
 * used (onUnexpectedResult: pass/succeedAndContinue). These are the features our bodies use.
 */
const BODY_FEATURES_USED = new Set([
  "bodiesTargets/formatUsedWithBody.json",
  "bodiesTargets/languageUsedWithBody.json",
  "bodiesTargets/textualBodyUsedAsBody.json",
]);

function exported(): Array<[string, WebAnnotation]> {
  return ANNOTATIONS.map((a) => [a.id, toWebAnnotation(CTX, ARTICLE, a)]);
}

function failures(results: AssertionResult[]): string[] {
  return results.filter((r) => !r.passed).map((r) => `${r.file} (${r.assertionType}): ${r.errorMessage.trim()}`);
}

/** pass / miss / skip, and "used" for a detection check that found the feature. */
function label(r: AssertionResult): string {
  if (r.outcome === "skipped") return "skip";
  if (r.passed) return "pass";
  return r.assertionType === "may" && r.expectedResult === "invalid" ? "used" : "miss";
}

function mustResults(annotation: unknown): AssertionResult[] {
  return [
    ...suite.run(MUSTS, annotation),
    ...suite.run(BODY_MODEL, annotation, UNRESOLVABLE).filter((r) => r.assertionType === "must"),
  ];
}

describe("W3C Web Annotation assertions (wpt annotation-model)", () => {
  it("reads the manifests", () => {
    expect(suite.manifest(MUSTS)).toHaveLength(14);
    expect(suite.manifest(OPTIONALS)).toHaveLength(15);
    expect(suite.manifest(BODY_MODEL)).toHaveLength(13);
  });

  it("the manifests' must assertions are all present and all musts", () => {
    const musts = suite.run(MUSTS, {});
    expect(musts.every((r) => r.assertionType === "must")).toBe(true);
    // Sanity: an empty object must fail the musts (the validator is really checking).
    expect(musts.some((r) => !r.passed)).toBe(true);
    const bodyMusts = suite.run(BODY_MODEL, {}, UNRESOLVABLE).filter((r) => r.assertionType === "must");
    expect(bodyMusts.map((r) => r.file).sort()).toEqual([
      "bodiesTargets/createdValidWithBody.json",
      "bodiesTargets/modifiedValidWithBody.json",
    ]);
  });

  it.each(exported())("%s passes every must assertion", (_id, annotation) => {
    const results = mustResults(annotation);
    expect(results).toHaveLength(16);
    expect(failures(results)).toEqual([]);
  });

  it.each(exported())("%s passes the optional assertions we implement", (_id, annotation) => {
    const results = suite.run(OPTIONALS, annotation);
    const missed = results.filter((r) => !r.passed).map((r) => r.file);
    expect(missed.sort()).toEqual(Object.keys(OPTIONAL_NOT_IMPLEMENTED).sort());
  });

  it.each(exported())("%s passes the body should-assertions and reports the body features it uses", (_id, annotation) => {
    const results = suite.run(BODY_MODEL, annotation, UNRESOLVABLE);
    for (const r of results) {
      if (r.outcome === "skipped") continue;
      if (r.assertionType === "may" && r.expectedResult === "invalid") {
        // Detection check: `valid` means "this feature is used".
        expect({ file: r.file, used: r.outcome === "valid" }).toEqual({ file: r.file, used: BODY_FEATURES_USED.has(r.file) });
      } else {
        expect({ file: r.file, passed: r.passed }).toEqual({ file: r.file, passed: true });
      }
    }
    expect(results.filter((r) => r.outcome === "skipped").map((r) => r.file)).toEqual(Object.keys(UNRESOLVABLE));
  });

  it("the unresolvable assertion really does not compile (remove the skip if it ever does)", () => {
    const results = suite.run(BODY_MODEL, exported()[0][1], UNRESOLVABLE);
    expect(results.find((r) => r.file === "bodiesTargets/modifiedUsedWithBody.json")?.outcome).toBe("skipped");
    expect(() => suite.run(BODY_MODEL, exported()[0][1])).toThrow(/modifiedPropertyFound|can't resolve reference/i);
  });

  it("the musts catch broken annotations (the validator really validates)", () => {
    const good = exported()[0][1];
    const failed = (mutated: unknown) => failures(mustResults(mutated)).map((f) => f.split(" ")[0]);
    expect(failed({ ...good, id: "not a uri" })).toEqual(["annotations/3.1-annotationIdValidated.json"]);
    expect(failed({ ...good, created: "27 June 2025" })).toEqual(["annotations/3.3.1-annotationCreatedValidated.json"]);
    expect(failed({ ...good, "@context": "https://schema.org" })).toEqual(["annotations/3.1-annotationContextValidated.json"]);
    expect(failed({ ...good, bodyValue: "x" })).toEqual(["annotations/3.2.5-notBodyBodyValue.json"]);
    const { target: _target, ...noTarget } = good;
    expect(failed(noTarget)).toEqual(["annotations/3.1-targetKeyFound.json"]);
    expect(failed({ ...good, body: [...good.body, { ...good.body[0], modified: "soon" }] })).toEqual([
      "bodiesTargets/modifiedValidWithBody.json",
    ]);
    expect(failed({ ...good, target: { selector: good.target.selector } })).toEqual([
      "annotations/3.2-targetObjectsRecognized.json",
    ]);
  });

  it("annotations embedded in a collection conform once they inherit the collection's @context", () => {
    const collection = toAnnotationCollection(CTX, ARTICLE, ANNOTATIONS, { pageSize: 2 });
    const items = collection.first?.items ?? [];
    expect(items).toHaveLength(2);
    for (const item of items) {
      expect(item["@context"]).toBeUndefined();
      expect(failures(mustResults({ "@context": collection["@context"], ...item }))).toEqual([]);
    }
  });

  it("an annotation whose quote can no longer be found still exports conformantly (quote selector only)", () => {
    const orphan: PublicAnnotationDTO = {
      ...SIGNED_1999,
      id: "ann_orphan",
      start: 0,
      end: 10,
      quote: { exact: "A sentence the corrected article no longer contains at all.", prefix: "", suffix: "" },
    };
    const annotation = toWebAnnotation(CTX, ARTICLE, orphan);
    expect(annotation.target.selector).toEqual([
      { type: "TextQuoteSelector", exact: orphan.quote.exact, prefix: "", suffix: "" },
    ]);
    expect(failures(mustResults(annotation))).toEqual([]);
  });

  it("each target names its version with a W3C TimeState (sourceDate, cached), and still passes every must", () => {
    const corrected = { ...ARTICLE, revision: 2, revisionCreatedAt: "2025-07-02T08:00:00.000Z" };
    for (const a of ANNOTATIONS) {
      const annotation = toWebAnnotation(CTX, corrected, a);
      expect(suite.matches("specificResource.json#/definitions/timeStateDetected", annotation.target.state)).toBe(true);
      expect(suite.matches("specificResource.json#/definitions/cachedPropertyFound", annotation.target.state)).toBe(true);
      expect(annotation.target.state.cached).toBe(`${CTX.baseUrl}/articles/${ARTICLE.slug}/versions/2`);
      expect(failures(mustResults(annotation))).toEqual([]);
    }
    // The definitions really check: a state without a date is not a TimeState.
    expect(suite.matches("specificResource.json#/definitions/timeStateDetected", { type: "TimeState", cached: "https://x.example/" })).toBe(false);
    expect(suite.matches("specificResource.json#/definitions/timeStateDetected", { type: "TimeState", sourceDate: "yesterday" })).toBe(false);
  });

  it("a minimal context (no licence, no generation time) still conforms", () => {
    const annotation = toWebAnnotation({ baseUrl: CTX.baseUrl, publisher: CTX.publisher }, ARTICLE, SPOKESPERSON);
    expect(annotation.rights).toBeUndefined();
    expect(annotation.generated).toBeUndefined();
    expect(failures(mustResults(annotation))).toEqual([]);
  });

  it("reports the optional assertions", () => {
    const [, annotation] = exported()[0];
    const report = [...suite.run(OPTIONALS, annotation), ...suite.run(BODY_MODEL, annotation, UNRESOLVABLE)].map(
      (r) =>
        `${label(r)}  ${r.assertionType.padEnd(6)} ${r.file}` +
        (r.skipReason ? `  (${r.skipReason})` : OPTIONAL_NOT_IMPLEMENTED[r.file] ? `  (${OPTIONAL_NOT_IMPLEMENTED[r.file]})` : ""),
    );
    console.info(`W3C optional/informational assertions for ${annotation.id}:\n${report.join("\n")}`);
    expect(report.length).toBe(28);
  });
});

describe("selectors say what the text says", () => {
  it.each(ANNOTATIONS.map((a) => [a.id, a] as const))("%s: quote and position select the statement", (_id, a) => {
    const { target } = toWebAnnotation(CTX, ARTICLE, a);
    const [quote, position] = target.selector;
    expect(quote.exact).toBe(a.quote.exact);
    expect(ARTICLE.text.slice(a.start, a.end)).toBe(quote.exact);
    expect(ARTICLE.text.slice(0, a.start).endsWith(quote.prefix)).toBe(true);
    expect(ARTICLE.text.slice(a.end).startsWith(quote.suffix)).toBe(true);
    expect(quote.prefix.length).toBeGreaterThan(0);
    // TextPositionSelector counts code points: slicing the code-point array gives the quote back.
    expect(position).toBeDefined();
    if (!position || position.type !== "TextPositionSelector") throw new Error("missing position selector");
    expect(Array.from(ARTICLE.text).slice(position.start, position.end).join("")).toBe(quote.exact);
  });

  it("counts the emoji before the annotations as single code points", () => {
    // "📌🇪🇪🇱🇻🇱🇹" is 7 code points but 14 UTF-16 units, so every position is 7 less than the UTF-16 offset.
    const { target } = toWebAnnotation(CTX, ARTICLE, INTERFAX);
    const position = target.selector[1];
    if (!position) throw new Error("missing position selector");
    expect(INTERFAX.start - position.start).toBe(7);
    expect(position.end - position.start).toBe(INTERFAX.end - INTERFAX.start);
  });
});

describe("ClaimReview fields", () => {
  const reviews = toClaimReviews(CTX, ARTICLE, ANNOTATIONS);
  const byUrl = new Map(reviews.map((r) => [r.url, r]));
  const reviewOf = (a: PublicAnnotationDTO) => byUrl.get(annotationPermalink(CTX, ARTICLE.slug, a.id));

  it("only rated statuses produce a ClaimReview", () => {
    expect(reviews).toHaveLength(3);
    expect(reviewOf(SPOKESPERSON)).toBeUndefined(); // unverified
    expect(reviewOf(PODLESNY)).toBeUndefined(); // unverified
  });

  it("the misattributed claim: rating, credited speaker, first appearance", () => {
    const review = reviewOf(ANALYST);
    expect(review).toMatchObject({
      "@context": "https://schema.org",
      "@type": "ClaimReview",
      claimReviewed: ANALYST.quote.exact,
      datePublished: expect.stringMatching(/^2025-06-30T/),
      dateModified: expect.stringMatching(/^2025-06-30T/),
      author: { "@type": "Organization", name: CTX.publisher.name, url: CTX.publisher.url },
      reviewRating: { "@type": "Rating", ratingValue: 2, bestRating: 5, worstRating: 1, alternateName: "Misattributed" },
      itemReviewed: {
        "@type": "Claim",
        author: { "@type": "Person", name: "Russian military analyst (unnamed)" },
        datePublished: "2025-06-24",
        appearance: { "@type": "CreativeWork", url: ARTICLE.originalUrl },
        firstAppearance: {
          "@type": "CreativeWork",
          url: "https://www.telegraph.co.uk/world-news/2025/06/24/iron-curtain-mines/",
        },
      },
    });
  });

  it("the author's own false assertion is credited to the outlet", () => {
    const review = reviewOf(SIGNED_1999);
    expect(review?.itemReviewed.author).toEqual({ "@type": "Organization", name: ARTICLE.outlet });
    expect(review?.reviewRating).toMatchObject({ ratingValue: 1, alternateName: "False" });
    expect(review?.itemReviewed.datePublished).toBeUndefined();
    expect(review?.itemReviewed.firstAppearance).toBeUndefined();
  });

  it("a named organisation is an Organization; the first hop without a URL gives no firstAppearance", () => {
    const review = reviewOf(INTERFAX);
    expect(review?.itemReviewed.author).toEqual({
      "@type": "Organization",
      name: "Foreign ministries of Estonia, Latvia and Lithuania",
    });
    expect(review?.itemReviewed.firstAppearance).toBeUndefined();
    expect(review?.reviewRating.alternateName).toBe("Verified");
  });
});
