/** The CDN purge hook, against a local stand-in for a CDN's purge endpoint (a real HTTP server on 127.0.0.1). */
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { publicTags, purgeCdn, signPurge } from "./invalidation-bus.mjs";

type Received = { body: string; signature: string | undefined };

async function stubCdn(answers: number[]) {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      received.push({ body, signature: req.headers["x-provenance-signature"] as string | undefined });
      res.statusCode = answers[Math.min(received.length - 1, answers.length - 1)];
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/purge`, received, close: () => server.close() };
}

const logs: { level: string; message: string }[] = [];
const log = (level: string, message: string) => logs.push({ level, message });
let close = () => {};
afterEach(() => {
  close();
  logs.length = 0;
});

describe("purgeCdn", () => {
  it("POSTs the tags, signed with the shared secret over the timestamp and body", async () => {
    const cdn = await stubCdn([200]);
    close = cdn.close;
    expect(await purgeCdn(["article:demo", "vocabulary"], log, { url: cdn.url, secret: "s3cret" })).toBe(true);
    expect(cdn.received).toHaveLength(1);
    const { body, signature } = cdn.received[0];
    expect(JSON.parse(body)).toEqual({ tags: ["article:demo", "vocabulary"] });
    const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature ?? "")!;
    expect(v1).toBe(crypto.createHmac("sha256", "s3cret").update(`${t}.${body}`).digest("hex"));
    expect(signature).toBe(signPurge("s3cret", body, Number(t)));
    expect(logs).toEqual([{ level: "info", message: "CDN purge accepted" }]);
  });

  it("retries a refused purge and logs every attempt", async () => {
    const cdn = await stubCdn([503, 502, 200]);
    close = cdn.close;
    expect(await purgeCdn(["article:demo"], log, { url: cdn.url, secret: "s" })).toBe(true);
    expect(cdn.received).toHaveLength(3);
    expect(logs.map((l) => l.level)).toEqual(["warn", "warn", "info"]);
  });

  it("gives up after three attempts and says what that means", async () => {
    const cdn = await stubCdn([500]);
    close = cdn.close;
    expect(await purgeCdn(["article:demo"], log, { url: cdn.url, secret: "s" })).toBe(false);
    expect(cdn.received).toHaveLength(3);
    expect(logs.at(-1)).toEqual({ level: "error", message: expect.stringContaining("CDN_MAX_AGE + CDN_STALE") });
  });

  it("does nothing without CDN_PURGE_URL, and never sends Next's internal path tags", async () => {
    expect(await purgeCdn(["article:demo"], log, { url: "" })).toBe(false);
    expect(logs).toEqual([]);
    expect(publicTags(["_N_T_/articles/demo", "article:demo", "_N_T_/layout", "vocabulary"])).toEqual(["article:demo", "vocabulary"]);
  });
});
