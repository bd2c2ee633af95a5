import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, removeTestDatabase } from "./testing/test-database";

const { database } = await createTestDatabase("rate-limit");
const { db } = await import("./db");
const { hit, peek, forget, sweepExpired, tooManyRequests } = await import("./rate-limit");

afterAll(async () => {
  await db.$disconnect();
  await removeTestDatabase(database);
});

const rule = { name: "test", limit: 3, windowMs: 60_000 };
const t0 = new Date("2026-05-01T10:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

describe("rate limiter on PostgreSQL", () => {
  it("allows `limit` hits per window, refuses the rest with the seconds until the window closes, then opens a new window", async () => {
    const decisions = [];
    for (let i = 0; i < 5; i++) decisions.push(await hit(rule, "a", at(i * 1000)));
    expect(decisions.map((d) => d.allowed)).toEqual([true, true, true, false, false]);
    expect(decisions[4]).toMatchObject({ count: 5, retryAfterSeconds: 56 });
    expect(await peek(rule, "a", at(10_000))).toBe(5);
    // The window opened at t0 closes at t0 + 60 s.
    const next = await hit(rule, "a", at(60_000));
    expect(next).toMatchObject({ allowed: true, count: 1, retryAfterSeconds: 60 });
  });

  it("keeps keys apart and forgets one on request", async () => {
    await hit(rule, "b", t0);
    await hit(rule, "c", t0);
    await forget(rule, "b");
    expect(await peek(rule, "b", t0)).toBe(0);
    expect(await peek(rule, "c", t0)).toBe(1);
  });

  it("counts parallel hits exactly once each (one atomic upsert)", async () => {
    const decisions = await Promise.all(Array.from({ length: 25 }, () => hit({ ...rule, limit: 10 }, "parallel", t0)));
    expect(decisions.map((d) => d.count).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(decisions.filter((d) => d.allowed)).toHaveLength(10);
  });

  it("sweeps closed windows", async () => {
    await hit(rule, "old", t0);
    expect(await sweepExpired(at(24 * 3600_000))).toBeGreaterThan(0);
    expect(await db.rateLimitBucket.count({ where: { key: "test:old" } })).toBe(0);
  });

  it("answers a refusal with 429 and Retry-After", async () => {
    const response = tooManyRequests({ allowed: false, count: 9, limit: 3, retryAfterSeconds: 42 }, "slow down");
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("42");
  });
});
