import "server-only";
import { hit, type RateLimitDecision, type RateLimitRule } from "./rate-limit";
import { clientAddress, trustedProxyHops } from "@/lib/http/client-address";

/**
 * Counts one request against its client address (as the trusted-proxy setting gives it) under `rule`: the refusal's
 * decision, or null when allowed. proxy.ts uses it for /search renders and anonymous on-demand page renders.
 */
export async function refuseByClientAddress(headers: { get(name: string): string | null }, rule: RateLimitRule): Promise<RateLimitDecision | null> {
  const address = clientAddress(headers, trustedProxyHops(process.env.TRUSTED_PROXY_HOPS));
  const decision = await hit(rule, address);
  return decision.allowed ? null : decision;
}
