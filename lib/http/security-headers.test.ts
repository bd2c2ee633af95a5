import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, isHttps, newNonce, pagePolicy, policyHeaders } from "./security-headers";

const headers = (h: Record<string, string>) => ({ get: (n: string) => h[n.toLowerCase()] ?? null });

describe("security headers", () => {
  it("treats signed-in and sign-in pages as private, everything else as public", () => {
    for (const p of ["/review", "/review/articles/x", "/admin", "/admin/users", "/login", "/invite/abc"]) expect(pagePolicy(p)).toBe("private");
    for (const p of ["/", "/articles/a", "/methodology", "/api/v1/articles", "/reviewers", "/administer", "/login-help"]) expect(pagePolicy(p)).toBe("public");
  });

  it("gives private pages a nonce and 'strict-dynamic' without 'unsafe-inline' for scripts, and forbids framing", () => {
    const nonce = newNonce();
    const csp = contentSecurityPolicy({ policy: "private", nonce });
    const scripts = csp.split("; ").find((d) => d.startsWith("script-src "))!;
    expect(scripts).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(policyHeaders({ policy: "private", nonce })["X-Frame-Options"]).toBe("DENY");
  });

  it("makes a different 128-bit nonce each time", () => {
    const a = newNonce();
    const b = newNonce();
    expect(a).not.toBe(b);
    expect(Buffer.from(a, "base64")).toHaveLength(16);
  });

  it("lets public pages be framed by this site only, and never allows eval in production", () => {
    const csp = contentSecurityPolicy({ policy: "public" });
    expect(csp).toContain("frame-ancestors 'self'");
    expect(csp).not.toContain("unsafe-eval");
    expect(contentSecurityPolicy({ policy: "public", development: true })).toContain("'unsafe-eval'");
  });

  it("believes X-Forwarded-Proto only behind trusted proxies, and sends HSTS only over HTTPS", () => {
    const forwarded = headers({ "x-forwarded-proto": "https" });
    expect(isHttps(forwarded, 0)).toBe(false);
    expect(isHttps(forwarded, 1)).toBe(true);
    expect(isHttps(headers({ "x-forwarded-proto": "http" }), 1)).toBe(false);
    expect(isHttps(headers({}), 1)).toBe(false);
    expect(policyHeaders({ policy: "public", https: true })["Strict-Transport-Security"]).toMatch(/^max-age=\d{8}/);
    expect(policyHeaders({ policy: "public", https: false })["Strict-Transport-Security"]).toBeUndefined();
    expect(contentSecurityPolicy({ policy: "public", https: true })).toContain("upgrade-insecure-requests");
  });
});
