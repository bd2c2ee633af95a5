import { describe, expect, it } from "vitest";
import { ANNOTATIONS, ARTICLE, CTX } from "./__fixtures__/baltic";
import { pageUrl, toAnnotationCollection, toAnnotationPage } from "./annotation-collection";
import { toWebAnnotation, WEB_ANNOTATION_CONTEXT } from "./web-annotation";

const COLLECTION_ID = `${CTX.baseUrl}/api/v1/articles/${ARTICLE.slug}/annotations`;

describe("toAnnotationCollection", () => {
  it("embeds the first page and links the last", () => {
    const c = toAnnotationCollection(CTX, ARTICLE, ANNOTATIONS, { pageSize: 2 });
    expect(c).toMatchObject({
      "@context": WEB_ANNOTATION_CONTEXT,
      id: COLLECTION_ID,
      type: "AnnotationCollection",
      label: `Annotations on “${ARTICLE.title}”`,
      total: 5,
      last: `${COLLECTION_ID}?page=2`,
    });
    expect(c.first).toMatchObject({
      id: `${COLLECTION_ID}?page=0`,
      type: "AnnotationPage",
      partOf: COLLECTION_ID,
      startIndex: 0,
      next: `${COLLECTION_ID}?page=1`,
    });
    expect(c.first).not.toHaveProperty("prev");
    expect(c.first).not.toHaveProperty("@context");
  });

  it("orders annotations by their place in the text", () => {
    const c = toAnnotationCollection(CTX, ARTICLE, ANNOTATIONS, { pageSize: 10 });
    const starts = ANNOTATIONS.map((a) => a.start).sort((x, y) => x - y);
    const byId = new Map(ANNOTATIONS.map((a) => [toWebAnnotation(CTX, ARTICLE, a).id, a.start]));
    expect(c.first?.items.map((item) => byId.get(item.id))).toEqual(starts);
    expect(c.first).not.toHaveProperty("next");
    expect(c.last).toBe(`${COLLECTION_ID}?page=0`);
  });

  it("has no first page when empty", () => {
    const c = toAnnotationCollection(CTX, ARTICLE, [], { pageSize: 10 });
    expect(c.total).toBe(0);
    expect(c.first).toBeUndefined();
    expect(c.last).toBeUndefined();
  });

  it("accepts a custom collection IRI and rejects a bad page size", () => {
    const c = toAnnotationCollection(CTX, ARTICLE, ANNOTATIONS, { pageSize: 3, id: "https://x.example/c?iris=0" });
    expect(c.first?.id).toBe("https://x.example/c?iris=0&page=0");
    expect(() => toAnnotationCollection(CTX, ARTICLE, ANNOTATIONS, { pageSize: 0 })).toThrow(RangeError);
  });
});

describe("toAnnotationPage", () => {
  it("returns a later page with its own context and a description of the collection", () => {
    const page = toAnnotationPage(CTX, ARTICLE, ANNOTATIONS, { pageSize: 2, page: 2 });
    expect(page).toMatchObject({
      "@context": WEB_ANNOTATION_CONTEXT,
      id: pageUrl(COLLECTION_ID, 2),
      type: "AnnotationPage",
      partOf: { id: COLLECTION_ID, total: 5 },
      startIndex: 4,
      prev: `${COLLECTION_ID}?page=1`,
    });
    expect(page?.items).toHaveLength(1);
    expect(page).not.toHaveProperty("next");
  });

  it("returns null past the end", () => {
    expect(toAnnotationPage(CTX, ARTICLE, ANNOTATIONS, { pageSize: 2, page: 3 })).toBeNull();
    expect(toAnnotationPage(CTX, ARTICLE, ANNOTATIONS, { pageSize: 2, page: -1 })).toBeNull();
  });
});
