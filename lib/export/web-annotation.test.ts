import { describe, expect, it } from "vitest";
import { ANALYST, ARTICLE, CTX, INTERFAX, SIGNED_1999, SPOKESPERSON } from "./__fixtures__/baltic";
import { describeProvenance } from "./describe";
import {
  ANNO_CONTEXT_URL,
  PROVENANCE_NAMESPACE,
  WEB_ANNOTATION_CONTENT_TYPE,
  statusStyleClass,
  toWebAnnotation,
} from "./web-annotation";

describe("toWebAnnotation", () => {
  const annotation = toWebAnnotation(CTX, ARTICLE, ANALYST);

  it("has the W3C context first and Provenance's namespace second", () => {
    expect(annotation["@context"]?.[0]).toBe(ANNO_CONTEXT_URL);
    expect(annotation["@context"]?.[1]).toMatchObject({ prov: PROVENANCE_NAMESPACE });
    expect(WEB_ANNOTATION_CONTENT_TYPE).toBe('application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"');
  });

  it("identifies, dates and credits the annotation", () => {
    expect(annotation).toMatchObject({
      id: `${CTX.baseUrl}/articles/${ARTICLE.slug}?annotation=ann_analyst#annotation-ann_analyst`,
      type: "Annotation",
      motivation: "assessing",
      created: "2025-06-28T08:15:00Z",
      modified: "2025-06-29T10:30:00Z",
      generated: "2025-07-01T12:00:00Z",
      creator: { id: `${CTX.baseUrl}/reviewers/usr_reviewer`, type: "Person", name: "Rita Reviewer" },
      "prov:approvedBy": { id: `${CTX.baseUrl}/reviewers/usr_approver`, type: "Person", name: "Aino Approver" },
      generator: { id: CTX.baseUrl, type: "Software", name: "Provenance" },
      canonical: `${CTX.baseUrl}/api/v1/annotations/ann_analyst`,
      rights: CTX.license,
    });
  });

  it("has verdict, rationale, claim type and provenance bodies, in that order", () => {
    expect(annotation.body.map((b) => [b.purpose, b.format])).toEqual([
      ["assessing", "text/plain"],
      ["commenting", "text/markdown"],
      ["tagging", "text/plain"],
      ["describing", "text/plain"],
    ]);
    expect(annotation.body[0]).toMatchObject({ type: "TextualBody", value: "Misattributed", "prov:rating": 2 });
    expect(annotation.body[1].value).toBe(ANALYST.rationale);
    expect(annotation.body[2]).toMatchObject({ value: "Analyst or expert claim", "prov:claimType": "analyst-claim" });
  });

  it("describes attribution and the source chain in words and in structured terms", () => {
    const describing = annotation.body[3];
    expect(describing.value).toContain("Attributed in the text as “one Russian military analyst reportedly”");
    expect(describing.value).toContain("claimed 2025-06-24");
    expect(describing.value).toContain("source chain: The Telegraph → News-Pravda relay → this article.");
    expect(describing.value).toContain("(refutes) https://latvia.news-pravda.com/");
    expect(describing["prov:chain"]).toEqual([
      expect.objectContaining({ "prov:name": "The Telegraph", "prov:kind": "news_outlet" }),
      expect.objectContaining({ "prov:name": "News-Pravda relay", "prov:note": expect.any(String) }),
    ]);
    expect(describing["prov:evidence"]).toEqual([
      expect.objectContaining({ "prov:stance": "refutes", "prov:archivedCopy": expect.stringMatching(/^https:\/\/web\.archive\.org\//) }),
      expect.objectContaining({ "prov:stance": "refutes" }),
    ]);
    expect(describing["prov:speaker"]).toEqual({ "prov:kind": "person", "prov:role": "Russian military analyst (unnamed)" });
  });

  it("orders the chain by position, whatever order it arrives in", () => {
    const describing = toWebAnnotation(CTX, ARTICLE, INTERFAX).body.at(-1);
    expect(describing?.value).toBe(
      "Attributed in the text as “reports by Interfax, citing statements from the foreign ministries” to Foreign ministries of Estonia, Latvia and Lithuania; claimed 2025-06-27; source chain: Foreign ministries of Estonia, Latvia and Lithuania → Interfax → this article. Evidence: “IANS via Lokmat Times, 29 Jun 2025” (supports) https://www.lokmattimes.com/international/lithuania-latvia-estonia-notify-un-of-withdrawal-from-mine-ban-treaty.",
    );
  });

  it("omits the rationale body when the rationale is empty", () => {
    const spokesperson = toWebAnnotation(CTX, ARTICLE, SPOKESPERSON);
    expect(spokesperson.body.map((b) => b.purpose)).toEqual(["assessing", "tagging", "describing"]);
    expect(spokesperson.body[0]).not.toHaveProperty("prov:rating"); // unverified has no rating
  });

  it("says when a statement is the article's own", () => {
    expect(describeProvenance(SIGNED_1999)).toBe("Stated in the article’s own voice (no attribution in the text).");
  });

  it("targets the article page with quote and code-point position selectors and a status style", () => {
    expect(annotation.target).toMatchObject({
      source: `${CTX.baseUrl}/articles/${ARTICLE.slug}`,
      styleClass: "prov-status-misattributed",
      "prov:revision": 1,
    });
    expect(annotation.target.selector.map((s) => s.type)).toEqual(["TextQuoteSelector", "TextPositionSelector"]);
    expect(annotation.stylesheet?.value).toBe(".prov-status-misattributed { background-color: #e9d5ff; color: #111827; }");
  });

  it("drops a stylesheet whose colour is not a hex colour (no CSS injection)", () => {
    const evil = { ...ANALYST, status: { ...ANALYST.status, color: "red; } body { display:none" } };
    const out = toWebAnnotation(CTX, ARTICLE, evil);
    expect(out.stylesheet).toBeUndefined();
    expect(out.target.styleClass).toBeUndefined();
    expect(statusStyleClass("Partly True!")).toBe("prov-status-partly-true-");
  });

  it("exports the stored span, never a re-anchored one: offsets that do not hold the quote give the quote alone", () => {
    const stale = { ...INTERFAX, start: INTERFAX.start + 5, end: INTERFAX.end + 5 };
    const selector = toWebAnnotation(CTX, ARTICLE, stale).target.selector;
    expect(selector).toEqual([{ type: "TextQuoteSelector", exact: INTERFAX.quote.exact, prefix: INTERFAX.quote.prefix, suffix: INTERFAX.quote.suffix }]);
  });

  it("names the version of the text its selectors point into: a TimeState dated when that version became current, cached at its own page", () => {
    const corrected = { ...ARTICLE, revision: 3, revisionCreatedAt: "2026-02-01T09:30:00.000Z" };
    expect(toWebAnnotation(CTX, corrected, INTERFAX).target.state).toEqual({
      type: "TimeState",
      sourceDate: "2026-02-01T09:30:00Z",
      cached: `${CTX.baseUrl}/articles/${ARTICLE.slug}/versions/3`,
    });
    // Without a recorded version date (an article from before versions), the text's last change dates it.
    expect(toWebAnnotation(CTX, { ...ARTICLE, revisionCreatedAt: undefined }, INTERFAX).target.state.sourceDate).toBe(toWebAnnotation(CTX, { ...ARTICLE, revisionCreatedAt: ARTICLE.updatedAt }, INTERFAX).target.state.sourceDate);
  });

  it("leaves out @context when embedded", () => {
    expect(toWebAnnotation(CTX, ARTICLE, ANALYST, { embedded: true })).not.toHaveProperty("@context");
  });

  it("drops evidence links that are not http(s) URLs from the structured terms", () => {
    const withBadLink = {
      ...INTERFAX,
      evidence: [...INTERFAX.evidence, { ...INTERFAX.evidence[0], position: 2, url: "javascript:alert(1)" }],
    };
    const describing = toWebAnnotation(CTX, ARTICLE, withBadLink).body.at(-1);
    expect(describing?.["prov:evidence"]).toHaveLength(1);
  });
});
