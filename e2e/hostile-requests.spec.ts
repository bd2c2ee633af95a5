import http from "node:http";
import net from "node:net";
import { expect, test } from "@playwright/test";
import { queryOne } from "./helpers/db";
import { DEMO_SLUG } from "./helpers/session";

/*
 * Requests an attacker would send, sent for real: each gets a clear 4xx, never a 500, and the server stays healthy.
 * (Issue 11 findings 3 and 4: malformed escapes, foreign origins, forged session cookies, oversized bodies.)
 */
const PORT = Number(process.env.PORT ?? 3100);

/** A raw request, for what fetch refuses to send (odd request lines, lying Content-Length). */
function raw(request: string, body?: { length: number; send: number }): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(PORT, "127.0.0.1", () => {
      socket.write(request);
      if (body) socket.write("x".repeat(body.send));
    });
    let data = "";
    socket.setTimeout(15_000, () => {
      socket.destroy();
      reject(new Error("no answer"));
    });
    socket.on("data", (chunk) => {
      data += chunk;
      if (/\r\n\r\n/.test(data)) socket.end();
    });
    socket.on("close", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(data)?.[1] ?? 0), text: data }));
    socket.on("error", reject);
  });
}

async function healthy(): Promise<void> {
  const res = await fetch(`http://localhost:${PORT}/api/health`);
  expect(res.status).toBe(200);
}

test.describe("hostile requests get a clear 4xx", () => {
  for (const path of ["/review/articles/%", "/review/articles/%E0%A4%A", "/review/articles/%C0%AF", "/review/articles/%ff%fe", "/invite/%E0%A4%A", "/admin/users/%E0%A4%A", "/articles/%ff"]) {
    test(`malformed escape ${path}`, async ({ request }) => {
      const res = await request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBeGreaterThanOrEqual(400);
      expect(res.status(), path).toBeLessThan(500);
      await healthy();
    });
  }

  test("a request line of GET * is refused, not a crash", async () => {
    const res = await raw(`GET * HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    await healthy();
  });

  test("a server action posted from another site is a 403", async ({ request }) => {
    const res = await request.post("/review/new", {
      headers: { "Next-Action": "0".repeat(42), Origin: "https://evil.example", "Content-Type": "text/plain;charset=UTF-8" },
      data: "[]",
      maxRedirects: 0,
    });
    expect(res.status()).toBe(403);
  });

  test("a forged session cookie does not reach the signed-in areas: pages redirect to sign-in, actions are 401", async ({ request }) => {
    const cookie = "next-auth.session-token=forged-value-that-is-not-a-token";
    const page = await request.get("/review", { headers: { Cookie: cookie }, maxRedirects: 0 });
    expect(page.status()).toBe(307);
    expect(page.headers()["location"]).toContain("/login?callbackUrl=%2Freview");
    const action = await request.post("/review/new", {
      headers: { Cookie: cookie, "Next-Action": "0".repeat(42), "Content-Type": "text/plain;charset=UTF-8", Origin: `http://localhost:${PORT}` },
      data: "[]",
      maxRedirects: 0,
    });
    expect(action.status()).toBe(401);
  });

  test("a 100 MB body to the sign-in callback is refused with 413 (its Content-Length is checked before the form is parsed)", async () => {
    const size = 100 * 1024 * 1024;
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: PORT, path: "/api/auth/callback/credentials", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": String(size) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on("error", (error) => (req.destroyed ? undefined : reject(error)));
      const chunk = Buffer.alloc(1024 * 1024, "x");
      let sent = 0;
      const pump = () => {
        while (sent < size && !req.destroyed) {
          sent += chunk.length;
          if (!req.write(chunk)) return void req.once("drain", pump);
        }
        if (!req.destroyed) req.end();
      };
      pump();
    });
    expect(status).toBe(413);
    await healthy();
  });

  test("a 5 MB upload is refused with 413 before any action code runs", async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = http.request(
        { host: "127.0.0.1", port: PORT, path: "/review/new", method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=x", "Content-Length": String(5 * 1024 * 1024), "Next-Action": "0".repeat(42) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on("error", reject);
      req.end("x".repeat(5 * 1024 * 1024));
    });
    expect(status).toBe(413);
    await healthy();
  });
});

test("anonymous renders of a filtered or paged view go through the shared limiter per address; the bare cached page does not", async ({ request }) => {
  const bucket = () => queryOne<{ count: number; windowStart: Date }>(`SELECT count, "windowStart" FROM "RateLimitBucket" WHERE key LIKE 'render-ip:%' ORDER BY "windowStart" DESC LIMIT 1`);
  const before = await bucket();
  expect((await request.get(`/articles/${DEMO_SLUG}`)).status()).toBe(200);
  expect((await bucket())?.count ?? 0).toBe(before?.count ?? 0);
  const filtered = await request.get(`/articles/${DEMO_SLUG}?status=misattributed`);
  expect(filtered.status()).toBe(200);
  const after = (await bucket())!;
  // Counted: one more in the same window, or the first of a new one.
  if (before && after.windowStart.getTime() === new Date(before.windowStart).getTime()) expect(after.count).toBe(before.count + 1);
  else expect(after.count).toBe(1);
});
