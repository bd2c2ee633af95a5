/**
 * Which client address to believe. The peer address is what the socket saw (set by the server process as
 * `x-provenance-peer`, overwriting anything a client sent). Behind N trusted proxies (TRUSTED_PROXY_HOPS=N) each one
 * appends the address it saw to X-Forwarded-For, so the client is the N-th entry from the right; entries further left
 * were written by the client and are never believed.
 */
export const PEER_HEADER = "x-provenance-peer";

export function trustedProxyHops(raw: string | undefined): number {
  const n = Number(raw ?? 0);
  return Number.isInteger(n) && n >= 0 && n <= 10 ? n : 0;
}

export function clientAddress(headers: { get(name: string): string | null }, hops: number): string {
  const peer = headers.get(PEER_HEADER)?.trim() || "unknown";
  if (hops === 0) return peer;
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  // Fewer entries than trusted hops: the request did not come through the proxies; the peer is all we know.
  return chain.length >= hops ? chain[chain.length - hops] : peer;
}
