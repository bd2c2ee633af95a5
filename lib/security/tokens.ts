import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/** Bytes of randomness in a link token (256 bits). */
export const TOKEN_BYTES = 32;

/** A random, URL-safe token (base64url, no padding): 43 characters for 32 bytes. */
export function generateToken(bytes = TOKEN_BYTES): string {
  return randomBytes(bytes).toString("base64url");
}

/** What is stored instead of the token: its SHA-256, hex. A leaked table does not give usable links. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** True when `token` has the shape generateToken() produces (cheap rejection before any database look-up). */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{32,128}$/.test(token);
}

/** Constant-time comparison of a token against a stored hash. */
export function tokenMatchesHash(token: string, storedHash: string): boolean {
  const a = Buffer.from(hashToken(token), "hex");
  const b = Buffer.from(storedHash, "hex");
  return a.length === b.length && timingSafeEqual(a, b);
}
