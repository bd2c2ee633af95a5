import { describe, expect, it } from "vitest";
import { DEFAULT_RETURN_PATH, safeAuthRedirect, safeReturnPath } from "./redirect";

describe("safeReturnPath", () => {
  it("keeps paths on this site, with their query and fragment", () => {
    expect(safeReturnPath("/review")).toBe("/review");
    expect(safeReturnPath("/review/articles/abc?s=st1#top")).toBe("/review/articles/abc?s=st1#top");
    expect(safeReturnPath("/search?q=a%2Fb%5Cc")).toBe("/search?q=a%2Fb%5Cc"); // encoded slashes in the query are fine
    expect(safeReturnPath("/a/../admin/users")).toBe("/admin/users");
    expect(safeReturnPath(["/admin", "/evil"])).toBe("/admin");
  });

  const attacks: [string, string][] = [
    ["protocol-relative", "//evil.example/"],
    ["backslash", "/\\evil.example/"],
    ["encoded backslash", "/%5Cevil.example/"],
    ["lowercase encoded backslash", "/%5cevil.example/"],
    ["double-encoded backslash", "/%255Cevil.example/"],
    ["tab", "/\t/evil.example/"],
    ["encoded tab", "/%09/evil.example/"],
    ["newline", "/\n/evil.example/"],
    ["encoded newline", "/%0A/evil.example/"],
    ["encoded slash", "/%2F/evil.example/"],
    ["encoded slash, double", "/%252F%252Fevil.example/"],
    ["backslash then slash", "/\\/evil.example/"],
    ["javascript: URL", "javascript:alert(1)"],
    ["encoded four times", "/%25252F%25252Fevil.example/"],
    ["data: URL", "data:text/html,<script>alert(1)</script>"],
    ["absolute URL to another host", "https://evil.example/review"],
    ["scheme-relative with spaces", " //evil.example/"],
    ["no leading slash", "review"],
    ["malformed encoding", "/%E0%A4%A"],
    ["empty", ""],
    ["over 2048 characters", "/" + "a".repeat(2048)],
  ];
  for (const [name, value] of attacks) {
    it(`refuses ${name}: ${JSON.stringify(value).slice(0, 40)}`, () => {
      expect(safeReturnPath(value)).toBe(DEFAULT_RETURN_PATH);
    });
  }

  it("refuses what is not a string, and uses the fallback given", () => {
    expect(safeReturnPath(undefined)).toBe("/review");
    expect(safeReturnPath(42)).toBe("/review");
    expect(safeReturnPath("//evil.example", "/")).toBe("/");
  });

  it("never returns anything a browser would send to another host", () => {
    const base = "https://provenance.example";
    for (const [, value] of attacks) expect(new URL(safeReturnPath(value), base).origin).toBe(base);
  });
});

describe("safeAuthRedirect (next-auth's redirect callback)", () => {
  const base = "https://provenance.example";
  it("keeps URLs on this site", () => {
    expect(safeAuthRedirect("/review", base)).toBe(`${base}/review`);
    expect(safeAuthRedirect(`${base}/admin/users?x=1`, base)).toBe(`${base}/admin/users?x=1`);
    expect(safeAuthRedirect(base, base)).toBe(`${base}/`);
  });

  it("sends everything else to the site's root", () => {
    expect(safeAuthRedirect("https://evil.example/", base)).toBe(`${base}/`);
    expect(safeAuthRedirect(`${base}.evil.example/`, base)).toBe(`${base}/`);
    expect(safeAuthRedirect("/\\evil.example/", base)).toBe(`${base}/`);
    expect(safeAuthRedirect(`${base}//evil.example/`, base)).toBe(`${base}/`);
  });
});
