/**
 * The shipped deploy/nginx.conf, run for real: `nginx -t` accepts it, and its micro-cache behaves as docs/DEPLOY.md
 * says — a page is served from cache (HIT), a change upstream is served fresh within about a second although the app
 * says s-maxage=60, and a signed-in request is never answered from the cache. The upstreams are two small stand-in
 * servers on this machine (the app's own cache behaviour is tested end to end in e2e/instances.spec.ts).
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((p) => fs.existsSync(p));
const SHIPPED = fs.readFileSync(path.join(__dirname, "nginx.conf"), "utf8");

/** The shipped config with only its machine paths and ports replaced (everything else verbatim). */
function configFor(dir: string, listen: number, upstreams: number[]): string {
  const [a, b] = upstreams;
  const replaced = SHIPPED.replace("pid /run/nginx-provenance.pid;", `pid ${dir}/nginx.pid;`)
    .replace("error_log /var/log/nginx/provenance-error.log warn;", `error_log ${dir}/error.log warn;`)
    .replace("access_log /var/log/nginx/provenance-access.log;", `access_log ${dir}/access.log;`)
    .replace("/var/cache/nginx/provenance", `${dir}/cache`)
    .replace("server 127.0.0.1:3000 ", `server 127.0.0.1:${a} `)
    .replace("server 127.0.0.1:3001 ", `server 127.0.0.1:${b} `)
    .replace("listen 8080;", `listen 127.0.0.1:${listen};`);
  // Temp paths nginx would otherwise put under /var/lib/nginx.
  return replaced.replace(
    "http {",
    `http {\n  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;`,
  );
}

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe.skipIf(!NGINX)("deploy/nginx.conf", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "provenance-nginx-"));
  fs.chmodSync(dir, 0o755);
  let version = 1;
  let upstreamHits = 0;
  const upstreams: http.Server[] = [];
  let nginx: ChildProcess | undefined;
  let base = "";

  beforeAll(async () => {
    for (let i = 0; i < 2; i++) {
      const server = http.createServer((req, res) => {
        upstreamHits++;
        res.setHeader("Cache-Control", "public, s-maxage=60, stale-while-revalidate=30");
        res.setHeader("Content-Type", "text/html");
        res.end(`<p>verdict version ${version}; signed in: ${/session-token/.test(req.headers.cookie ?? "")}; xff: ${req.headers["x-forwarded-for"]}</p>`);
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      upstreams.push(server);
    }
    const listen = await freePort();
    const conf = path.join(dir, "nginx.conf");
    fs.writeFileSync(conf, configFor(dir, listen, upstreams.map((s) => (s.address() as AddressInfo).port)));
    nginx = spawn(NGINX!, ["-c", conf, "-p", dir, "-g", "daemon off;"], { stdio: "ignore" });
    base = `http://127.0.0.1:${listen}`;
    for (let i = 0; i < 50; i++) {
      try {
        await fetch(`${base}/methodology`);
        return;
      } catch {
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    throw new Error("nginx did not start");
  });

  afterAll(async () => {
    nginx?.kill("SIGQUIT");
    for (const server of upstreams) server.close();
  });

  it("passes nginx -t", () => {
    const conf = path.join(dir, "check.conf");
    fs.writeFileSync(conf, configFor(dir, 18080, [3000, 3001]));
    const output = execFileSync(NGINX!, ["-t", "-c", conf, "-p", dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    expect(output).toBe(""); // nginx -t writes to stderr and exits 0; a bad config throws here
  });

  it("serves a public page from its micro-cache, then a change upstream within about a second despite s-maxage=60", async () => {
    const url = `${base}/articles/demo`;
    const first = await fetch(url);
    expect(await first.text()).toContain("version 1");
    const hit = await fetch(url);
    expect(hit.headers.get("x-cache-status")).toBe("HIT");
    expect(await hit.text()).toContain("version 1");

    version = 2; // the verdict changes (the app has invalidated its own caches)
    const changedAt = Date.now();
    let fresh = 0;
    while (Date.now() - changedAt < 5_000) {
      if ((await (await fetch(url)).text()).includes("version 2")) {
        fresh = Date.now() - changedAt;
        break;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(fresh).toBeGreaterThan(0);
    expect(fresh).toBeLessThan(2_500); // 1 s validity + one refresh, with room for a slow machine
  });

  it("never answers a signed-in request from the cache, nor stores its page", async () => {
    const url = `${base}/articles/signed-in-check`;
    await fetch(url);
    const hit = await fetch(url);
    expect(hit.headers.get("x-cache-status")).toBe("HIT");
    const signedIn = await fetch(url, { headers: { Cookie: "next-auth.session-token=abc" } });
    expect(signedIn.headers.get("x-cache-status")).toBe("BYPASS");
    expect(await signedIn.text()).toContain("signed in: true");
  });

  it("does not cache the signed-in areas at all, and passes the client address it saw (never a forged one)", async () => {
    const hitsBefore = upstreamHits;
    await fetch(`${base}/review`);
    const second = await fetch(`${base}/review`, { headers: { "X-Forwarded-For": "203.0.113.9" } });
    expect(upstreamHits).toBe(hitsBefore + 2);
    expect(second.headers.get("x-cache-status")).toBeNull();
    expect(await second.text()).toContain("xff: 127.0.0.1");
  });

  it("refuses a body over the 4 MB limit before it reaches the app", async () => {
    const hitsBefore = upstreamHits;
    const response = await fetch(`${base}/review/new`, { method: "POST", body: "x".repeat(5 * 1024 * 1024) });
    expect(response.status).toBe(413);
    expect(upstreamHits).toBe(hitsBefore);
  });
});
