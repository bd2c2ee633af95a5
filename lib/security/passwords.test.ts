import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { burnPasswordCheck, hashPassword, needsRehash, PREHASHED_PREFIX, verifyPassword } from "./passwords";

// 102 characters: the first 72 are shared, only the last 30 differ.
const head = "correct horse battery staple ".repeat(3).slice(0, 72);
const password = head + "and then thirty more character";
const otherTail = head + "but then a different tail, too";

describe("passwords", () => {
  it("covers the whole password: a different tail after 72 characters does not verify", async () => {
    expect(password).toHaveLength(102);
    expect(otherTail).toHaveLength(102);
    const hash = await hashPassword(password);
    expect(hash.startsWith(PREHASHED_PREFIX)).toBe(true);
    expect(await verifyPassword(password, hash)).toBe(true);
    expect(await verifyPassword(otherTail, hash)).toBe(false);
    expect(await verifyPassword(head, hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
  }, 20_000);

  it("still verifies an old plain-bcrypt hash, and says it needs rehashing", async () => {
    const old = await bcrypt.hash("an old password", 12);
    expect(await verifyPassword("an old password", old)).toBe(true);
    expect(await verifyPassword("another password", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
    // That is the weakness being fixed: the old scheme cannot tell these apart.
    const oldLong = await bcrypt.hash(password, 4);
    expect(await verifyPassword(otherTail, oldLong)).toBe(true);
    expect(needsRehash(oldLong)).toBe(true);
  }, 20_000);

  it("asks to rehash only the old format (the cost of a pre-hashed hash is kept: test fixtures hash cheaply)", async () => {
    expect(needsRehash(PREHASHED_PREFIX + (await bcrypt.hash("x", 4)))).toBe(false);
  });

  it("burns about as long as a real check when the account does not exist", async () => {
    const hash = await hashPassword("pw");
    const time = async (f: () => Promise<unknown>) => {
      const started = performance.now();
      await f();
      return performance.now() - started;
    };
    const real = await time(() => verifyPassword("wrong", hash));
    const burn = await time(() => burnPasswordCheck("wrong"));
    expect(burn).toBeGreaterThan(real / 3);
  }, 20_000);
});
