import { describe, expect, it } from "vitest";
import { PEER_HEADER, clientAddress, trustedProxyHops } from "./client-address";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("clientAddress", () => {
  it("believes only the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(h({ [PEER_HEADER]: "198.51.100.7", "x-forwarded-for": "203.0.113.9" }), 0)).toBe("198.51.100.7");
  });

  it("behind one trusted proxy, takes the address that proxy appended (the rightmost), never a forged one to its left", () => {
    expect(clientAddress(h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), 1)).toBe("203.0.113.9");
  });

  it("behind a CDN and nginx (two hops), takes the address the CDN saw", () => {
    expect(clientAddress(h({ [PEER_HEADER]: "10.0.0.2", "x-forwarded-for": "6.6.6.6, 198.51.100.20, 10.0.0.9" }), 2)).toBe("198.51.100.20");
  });

  it("falls back to the peer when the chain is shorter than the trusted hops (the request bypassed the proxy)", () => {
    expect(clientAddress(h({ [PEER_HEADER]: "198.51.100.7" }), 1)).toBe("198.51.100.7");
    expect(clientAddress(h({}), 0)).toBe("unknown");
  });

  it("reads TRUSTED_PROXY_HOPS defensively", () => {
    expect(trustedProxyHops(undefined)).toBe(0);
    expect(trustedProxyHops("2")).toBe(2);
    expect(trustedProxyHops("-1")).toBe(0);
    expect(trustedProxyHops("many")).toBe(0);
  });
});
