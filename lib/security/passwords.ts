import { createHmac } from "node:crypto";
import bcrypt from "bcryptjs";

const COST = 12;

/**
 * bcrypt reads only the first 72 bytes of its input, so two long passwords that share those bytes would match. The
 * password is therefore pre-hashed first: HMAC-SHA-256 under a fixed label (so the value is not a plain SHA-256 that
 * leaked unsalted hash lists could be matched against), base64 — 44 bytes, no NUL — and that goes to bcrypt. Such
 * hashes are stored with PREHASHED_PREFIX; a hash without it is an older plain-bcrypt hash, which still verifies
 * (on its first 72 bytes) and reports needsRehash(), so sign-in can replace it after the next successful sign-in.
 */
export const PREHASHED_PREFIX = "$hmac-sha256$";
const PREHASH_LABEL = "provenance password v1";

function prehash(password: string): string {
  return createHmac("sha256", PREHASH_LABEL).update(password, "utf8").digest("base64");
}

/** `cost` below 12 only for throwaway data (tests, the demo seed's option): it makes hashes cheap to guess. */
export async function hashPassword(password: string, cost = COST): Promise<string> {
  return PREHASHED_PREFIX + (await bcrypt.hash(prehash(password), cost));
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  if (hash.startsWith(PREHASHED_PREFIX)) return bcrypt.compare(prehash(password), hash.slice(PREHASHED_PREFIX.length));
  return bcrypt.compare(password, hash);
}

/**
 * True for a hash that should be replaced by hashPassword() once the password is known: an older plain-bcrypt hash,
 * which reads only the first 72 bytes of the password.
 */
export function needsRehash(hash: string): boolean {
  return !hash.startsWith(PREHASHED_PREFIX);
}

// A real hash to compare against when the account does not exist, so timing does not reveal it (same scheme and
// cost as a real one: pre-hash, then bcrypt at cost 12).
const DUMMY_HASH = `${PREHASHED_PREFIX}$2b$12$C6UzMDM.H6dfI/f/IKcEeO7F1cZ8q9mRr2Zb8n7dB9lYwZ9xk0S2a`;
export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(password, DUMMY_HASH).catch(() => false);
}
