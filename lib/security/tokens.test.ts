import { describe, expect, it } from "vitest";
import { generateToken, hashToken, isWellFormedToken, tokenMatchesHash } from "./tokens";

describe("link tokens", () => {
  it("are random, URL-safe and 256 bits long", () => {
    const tokens = new Set(Array.from({ length: 200 }, () => generateToken()));
    expect(tokens.size).toBe(200);
    for (const t of tokens) {
      expect(t).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(encodeURIComponent(t)).toBe(t);
      expect(isWellFormedToken(t)).toBe(true);
    }
  });

  it("are stored as their SHA-256 (hex), never as themselves", () => {
    expect(hashToken("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const t = generateToken();
    const h = hashToken(t);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(h).not.toContain(t);
    expect(hashToken(t)).toBe(h);
    expect(tokenMatchesHash(t, h)).toBe(true);
    expect(tokenMatchesHash(generateToken(), h)).toBe(false);
  });

  it("rejects malformed tokens before any look-up", () => {
    for (const bad of ["", "short", "has space in it and is long enough to pass 32", "../../etc/passwd/../../../../../../..", "a".repeat(200)]) {
      expect(isWellFormedToken(bad)).toBe(false);
    }
  });
});
