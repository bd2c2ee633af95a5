import "server-only";
import { hit, type RateLimitDecision, type RateLimitRule } from "../rate-limit";
import { clientAddress, trustedProxyHops } from "@/lib/http/client-address";
import { RATE_LIMITS } from "@/lib/security/rate-limits";

/** Counts one /search render with a query against its client address; the refusal's decision, or null when allowed. */
export async function refuseSearchPage(headers: { get(name: string): string | null }, rule: RateLimitRule = RATE_LIMITS.searchPagePerAddress): Promise<RateLimitDecision | null> {
  const address = clientAddress(headers, trustedProxyHops(process.env.TRUSTED_PROXY_HOPS));
  const decision = await hit(rule, address);
  return decision.allowed ? null : decision;
}
