import { describe, expect, it } from "vitest";
import { fieldErrors } from "./forms";
import { AnnotationFieldsSchema, decodeImportFile, ImportArticleSchema, isPartialDate, MAX_IMPORT_BYTES, ReviewDecisionSchema, SaveAnnotationSchema } from "./review";

const enc = (s: string) => new TextEncoder().encode(s);

describe("ImportArticleSchema", () => {
  it("accepts a minimal article and defaults the language", () => {
    const r = ImportArticleSchema.parse({ title: " T ", text: "Body." });
    expect(r).toMatchObject({ title: "T", language: "en", outlet: null, originalUrl: null });
  });
  it("refuses empty text, a title over 300 characters, non-http URLs and bad dates", () => {
    const r = ImportArticleSchema.safeParse({ title: "x".repeat(301), text: "  ", originalUrl: "javascript:alert(1)", publishedDate: "2025-13" });
    expect(r.success).toBe(false);
    const errors = fieldErrors(r.error!);
    expect(errors.title).toMatch(/300/);
    expect(errors.text).toMatch(/empty/);
    expect(errors.originalUrl).toMatch(/http/);
    expect(errors.publishedDate).toMatch(/date/);
    expect(ImportArticleSchema.safeParse({ text: "x", originalUrl: "data:text/html,hi" }).success).toBe(false);
    expect(ImportArticleSchema.safeParse({ text: "x", originalUrl: "https://example.com/a" }).success).toBe(true);
  });
});

describe("decodeImportFile", () => {
  it("accepts UTF-8 text, markdown and HTML files", () => {
    expect(decodeImportFile("a.txt", enc("Hello “world”"))).toEqual({ ok: true, text: "Hello “world”", kind: "text" });
    expect(decodeImportFile("a.MD", enc("# Hi")).ok).toBe(true);
    expect(decodeImportFile("a.html", enc("<p>Hi</p>"))).toMatchObject({ ok: true, kind: "html" });
  });
  it("refuses big, binary, non-UTF-8, empty and other files", () => {
    expect(decodeImportFile("a.txt", new Uint8Array(MAX_IMPORT_BYTES + 1).fill(65))).toMatchObject({ ok: false, message: expect.stringMatching(/2 MB/) });
    expect(decodeImportFile("a.txt", new Uint8Array([72, 0, 105]))).toMatchObject({ ok: false, message: expect.stringMatching(/binary/) });
    expect(decodeImportFile("a.txt", new Uint8Array([0xff, 0xfe, 0x41]))).toMatchObject({ ok: false, message: expect.stringMatching(/UTF-8/) });
    expect(decodeImportFile("a.txt", enc("   "))).toMatchObject({ ok: false, message: expect.stringMatching(/empty/) });
    expect(decodeImportFile("a.pdf", enc("%PDF"))).toMatchObject({ ok: false, message: expect.stringMatching(/\.txt/) });
  });
});

describe("AnnotationFieldsSchema", () => {
  const base = { claimTypeSlug: "statistic", statusSlug: "verified" };
  it("normalises empty strings to null and keeps the chain order", () => {
    const r = AnnotationFieldsSchema.parse({
      ...base,
      attributionText: "  ",
      speakerKind: "",
      claimDate: "2021",
      chain: [
        { name: "A", kind: "person", url: "", date: "" },
        { name: "B", kind: "news_outlet", url: "https://b.example", date: "2025-06-27" },
      ],
    });
    expect(r.attributionText).toBeNull();
    expect(r.speakerKind).toBeNull();
    expect(r.chain.map((h) => h.name)).toEqual(["A", "B"]);
    expect(r.chain[0].url).toBeNull();
  });
  it("refuses javascript:/data: URLs in hops and evidence, with the field path", () => {
    const r = AnnotationFieldsSchema.safeParse({
      ...base,
      chain: [{ name: "A", kind: "person", url: "javascript:alert(1)" }],
      evidence: [{ url: "data:text/html,x", stance: "supports", archivedUrl: "ftp://x" }],
    });
    const e = fieldErrors(r.error!);
    expect(e["chain.0.url"]).toMatch(/http/);
    expect(e["evidence.0.url"]).toMatch(/Evidence URL/);
    expect(e["evidence.0.archivedUrl"]).toMatch(/Archived URL/);
  });
  it("requires a source name, a known kind, a stance and an evidence URL", () => {
    const r = AnnotationFieldsSchema.safeParse({ ...base, chain: [{ name: "", kind: "alien" }], evidence: [{ url: "", stance: "maybe" }] });
    const e = fieldErrors(r.error!);
    expect(Object.keys(e).sort()).toEqual(["chain.0.kind", "chain.0.name", "evidence.0.stance", "evidence.0.url"]);
  });
  it("accepts exact and partial claim dates only", () => {
    expect(isPartialDate("2021")).toBe(true);
    expect(isPartialDate("2025-06")).toBe(true);
    expect(isPartialDate("2025-02-30")).toBe(false);
    expect(AnnotationFieldsSchema.safeParse({ ...base, claimDate: "June 2021" }).success).toBe(false);
  });
  it("SaveAnnotationSchema requires a statement and an intent of draft or submit", () => {
    expect(SaveAnnotationSchema.safeParse({ statementId: "s", baseVersion: null, intent: "approve", fields: base }).success).toBe(false);
    expect(SaveAnnotationSchema.parse({ statementId: "s", baseVersion: 2, fields: base }).intent).toBe("draft");
  });
});

describe("ReviewDecisionSchema", () => {
  it("requires a comment to return, not to approve", () => {
    expect(ReviewDecisionSchema.safeParse({ decision: "return", annotationId: "a", version: 1, comment: " " }).success).toBe(false);
    expect(ReviewDecisionSchema.safeParse({ decision: "return", annotationId: "a", version: 1, comment: "Fix it" }).success).toBe(true);
    expect(ReviewDecisionSchema.safeParse({ decision: "approve", annotationId: "a", version: 1 }).success).toBe(true);
  });
});
