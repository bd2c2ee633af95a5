import http from "node:http";
import type { AddressInfo } from "node:net";
import zlib from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { readerPageCacheKey } from "./cache-tags.mjs";
import { PageCache, createCachingHandler, etagMatches, negotiateEncoding } from "./page-cache.mjs";

/** A stand-in for Next: counts renders and answers like a cached force-static page (or as told). */
function fakeNext() {
  const state = { renders: 0, body: "<!DOCTYPE html><p>Première version — “quoted”</p>", status: 200, nextCache: "MISS" as string | null, cacheControl: "s-maxage=31536000", chunked: false, viaWriteHead: false, seenAcceptEncoding: [] as (string | undefined)[] };
  const handle = (req: http.IncomingMessage, res: http.ServerResponse) => {
    state.renders++;
    state.seenAcceptEncoding.push(req.headers["accept-encoding"]);
    if (state.viaWriteHead) {
      res.writeHead(state.status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": state.cacheControl, "x-nextjs-cache": "MISS", "X-Frame-Options": "DENY" });
      res.end(state.body);
      return;
    }
    res.statusCode = state.status;
    res.setHeader("Content-Type", "text/html; charset=utf-8");
    res.setHeader("Cache-Control", state.cacheControl);
    res.setHeader("Vary", "rsc, next-router-state-tree");
    res.setHeader("X-Frame-Options", "SAMEORIGIN");
    if (state.nextCache) res.setHeader("x-nextjs-cache", state.nextCache);
    if (state.chunked) {
      const [a, b] = [state.body.slice(0, 10), state.body.slice(10)];
      res.write(a);
      res.end(Buffer.from(b));
    } else {
      res.setHeader("ETag", `"next-${Buffer.byteLength(state.body)}"`);
      res.setHeader("Content-Length", Buffer.byteLength(state.body));
      res.end(state.body);
    }
  };
  return { state, handle };
}

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function start(cache = new PageCache()) {
  const next = fakeNext();
  const server = http.createServer(createCachingHandler({ cache, handle: next.handle, cacheKey: readerPageCacheKey }));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // fetch() always asks for gzip/br; most checks want the identity bytes.
  const get = (path: string, headers: Record<string, string> = { "accept-encoding": "identity" }, method = "GET") => fetch(base + path, { headers, method });
  return { cache, next: next.state, get, base };
}

const PAGE = "/articles/baltic-states-withdraw";

describe("page byte cache in front of Next", () => {
  it("keeps an annotation's permalink apart from the article page", async () => {
    const { next, get } = await start();
    await get(PAGE);
    next.body = "<p>Statement 3 open</p>";
    await get(`${PAGE}?annotation=ann_3`);
    expect(await (await get(`${PAGE}?annotation=ann_3`)).text()).toBe("<p>Statement 3 open</p>");
    expect(await (await get(PAGE)).text()).not.toBe("<p>Statement 3 open</p>");
    expect(next.renders).toBe(2);
  });

  it("serves the second request from the cached bytes, without asking Next again", async () => {
    const { next, get } = await start();
    const first = await get(PAGE);
    expect(first.headers.get("x-page-cache")).toBe("MISS");
    expect(await first.text()).toBe(next.body);
    const second = await get(PAGE);
    expect(second.headers.get("x-page-cache")).toBe("HIT");
    expect(await second.text()).toBe(next.body);
    expect(next.renders).toBe(1);
    // Next's headers are replayed (security headers included), with the representation's own length and ETag.
    expect(second.headers.get("x-frame-options")).toBe("SAMEORIGIN");
    expect(second.headers.get("cache-control")).toBe("s-maxage=31536000");
    expect(second.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(second.headers.get("content-length")).toBe(String(Buffer.byteLength(next.body)));
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect(second.headers.get("vary")).toMatch(/Accept-Encoding/);
  });

  it("asks Next for identity bytes on a miss, and serves br/gzip variants that decode to the same page", async () => {
    const { next, get } = await start();
    await get(PAGE, { "accept-encoding": "gzip, deflate, br" });
    expect(next.seenAcceptEncoding).toEqual([undefined]);
    const br = await get(PAGE, { "accept-encoding": "gzip, deflate, br" });
    expect(br.headers.get("content-encoding")).toBe("br"); // fetch decodes it
    expect(await br.text()).toBe(next.body);
    const gz = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(new URL(PAGE, `http://127.0.0.1:${(servers[0].address() as AddressInfo).port}`), { headers: { "accept-encoding": "gzip;q=1, br;q=0" } }, (res) => {
        const parts: Buffer[] = [];
        res.on("data", (c: Buffer) => parts.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(parts) }));
      }).on("error", reject);
    });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(zlib.gunzipSync(gz.body).toString("utf8")).toBe(next.body);
    expect(gz.headers.etag).not.toBe(br.headers.get("etag"));
    expect(next.renders).toBe(1);
  });

  it("answers If-None-Match with 304, per representation, and HEAD with headers only", async () => {
    const { get } = await start();
    const etag = (await get(PAGE)).headers.get("etag")!;
    const notModified = await get(PAGE, { "accept-encoding": "identity", "if-none-match": etag });
    expect(notModified.status).toBe(304);
    expect(await notModified.text()).toBe("");
    const otherRepresentation = await get(PAGE, { "accept-encoding": "gzip", "if-none-match": etag });
    expect(otherRepresentation.status).toBe(200);
    const head = await get(PAGE, { "accept-encoding": "identity" }, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("x-page-cache")).toBe("HIT");
    expect(await head.text()).toBe("");
  });

  it("drops a page when its tags are invalidated, so the very next request gets Next's new version", async () => {
    const { cache, next, get } = await start();
    await get(PAGE);
    next.body = "<p>Corrected</p>";
    expect(await (await get(PAGE)).text()).not.toBe("<p>Corrected</p>"); // still the cached copy
    cache.invalidateTags(["article:some-other-article"]);
    expect((await get(PAGE)).headers.get("x-page-cache")).toBe("HIT");
    cache.invalidateTags(["article:baltic-states-withdraw"]);
    const after = await get(PAGE);
    expect(after.headers.get("x-page-cache")).toBe("MISS");
    expect(await after.text()).toBe("<p>Corrected</p>");
    expect((await get(PAGE)).headers.get("x-page-cache")).toBe("HIT");
    cache.invalidateTags(["vocabulary"]); // every reader page shows the vocabulary
    expect((await get(PAGE)).headers.get("x-page-cache")).toBe("MISS");
  });

  it("does not keep a render that began before an invalidation", async () => {
    const cache = new PageCache();
    const generation = cache.generation;
    cache.invalidateTags(["vocabulary"]);
    expect(cache.put(PAGE, { body: Buffer.from("old"), headers: {}, tags: ["vocabulary"] }, generation)).toBe(false);
    expect(cache.get(PAGE)).toBeUndefined();
  });

  it("leaves Next to answer what is not the plain published page, and stores nothing for it", async () => {
    const { next, get } = await start();
    for (const path of ["/", "/articles/x?status=false", "/articles/x?annotation=a&status=false", "/articles/x/filtered", "/articles/Bad_Slug", "/articles/a%20b", "/review/articles/abc"]) {
      await get(path);
      await get(path);
    }
    expect(next.renders).toBe(14);
    await get(PAGE, { rsc: "1" });
    await get(PAGE, { rsc: "1" });
    expect(next.renders).toBe(16);
    await get(PAGE, { "content-type": "text/plain" }, "POST");
    await get(PAGE, { "content-type": "text/plain" }, "POST");
    expect(next.renders).toBe(18);
    expect((await get(PAGE)).headers.get("x-page-cache")).toBe("MISS");
  });

  it("stores only complete 200s that Next itself cached", async () => {
    const { next, get } = await start();
    next.status = 404;
    await get(PAGE);
    await get(PAGE);
    expect(next.renders).toBe(2);
    next.status = 200;
    next.nextCache = null; // dynamic render
    await get(PAGE);
    await get(PAGE);
    expect(next.renders).toBe(4);
    next.nextCache = "MISS";
    next.cacheControl = "private, no-cache, no-store, max-age=0, must-revalidate";
    await get(PAGE);
    await get(PAGE);
    expect(next.renders).toBe(6);
    next.cacheControl = "s-maxage=31536000";
    next.chunked = true; // written in pieces, strings and buffers
    await get(PAGE);
    const hit = await get(PAGE);
    expect(hit.headers.get("x-page-cache")).toBe("HIT");
    expect(await hit.text()).toBe(next.body);
    expect(next.renders).toBe(7);
  });

  it("replays headers Next passed to writeHead() as well as those it set one by one", async () => {
    const { next, get } = await start();
    next.viaWriteHead = true;
    await get(PAGE);
    const hit = await get(PAGE);
    expect(hit.headers.get("x-page-cache")).toBe("HIT");
    expect(hit.headers.get("x-frame-options")).toBe("DENY");
    expect(hit.headers.get("content-type")).toBe("text/html; charset=utf-8");
  });

  it("keeps within its byte budget, evicting the least recently used page", () => {
    const cache = new PageCache({ maxBytes: 1000 });
    const page = (n: number) => ({ body: Buffer.alloc(n, 1), headers: {}, tags: [] });
    expect(cache.put("/a", page(240), cache.generation)).toBe(true);
    expect(cache.put("/b", page(240), cache.generation)).toBe(true);
    expect(cache.put("/too-big", page(251), cache.generation)).toBe(false); // over a quarter of the budget
    cache.get("/a");
    expect(cache.put("/c", page(240), cache.generation)).toBe(true);
    expect(cache.put("/d", page(240), cache.generation)).toBe(true);
    expect(cache.put("/e", page(240), cache.generation)).toBe(true);
    expect([...cache.entries.keys()]).toEqual(["/a", "/c", "/d", "/e"]);
    expect(cache.bytes).toBe(960);
  });
});

describe("negotiateEncoding / etagMatches", () => {
  it("prefers br, then gzip, and honours q=0", () => {
    expect(negotiateEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(negotiateEncoding("gzip")).toBe("gzip");
    expect(negotiateEncoding("br;q=0, gzip;q=0.5")).toBe("gzip");
    expect(negotiateEncoding("*")).toBe("br");
    expect(negotiateEncoding("*;q=0, identity")).toBeNull();
    expect(negotiateEncoding("identity")).toBeNull();
    expect(negotiateEncoding(undefined)).toBeNull();
  });

  it("matches ETags weakly, in lists and with *", () => {
    expect(etagMatches('"abc"', '"abc"')).toBe(true);
    expect(etagMatches('W/"abc"', '"abc"')).toBe(true);
    expect(etagMatches('"x", "abc"', '"abc"')).toBe(true);
    expect(etagMatches("*", '"abc"')).toBe(true);
    expect(etagMatches('"abd"', '"abc"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });
});

describe("readerPageCacheKey", () => {
  it("keys /articles/<slug> and its ?annotation=<id> permalinks only, tagged with the article and the vocabulary", () => {
    expect(readerPageCacheKey("/articles/baltic-states-2")).toEqual({ key: "/articles/baltic-states-2", tags: ["article:baltic-states-2", "vocabulary"] });
    expect(readerPageCacheKey("/articles/baltic?annotation=cm_x-1")).toEqual({ key: "/articles/baltic?annotation=cm_x-1", tags: ["article:baltic", "vocabulary"] });
    expect(readerPageCacheKey("/articles/baltic?annotation=a&status=false")).toBeNull();
    expect(readerPageCacheKey("/articles/baltic?status=false")).toBeNull();
    expect(readerPageCacheKey("/articles/baltic?annotation=")).toBeNull();
    expect(readerPageCacheKey("/articles/baltic/filtered")).toBeNull();
    expect(readerPageCacheKey("/articles/")).toBeNull();
    expect(readerPageCacheKey("/articles/-x")).toBeNull();
    expect(readerPageCacheKey("/methodology")).toBeNull();
  });
});
