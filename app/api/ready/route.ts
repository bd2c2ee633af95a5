import { checkReadiness } from "@/lib/server/readiness";

export const dynamic = "force-dynamic";

/** Readiness, for load balancers: 200 when the database is reachable and migrated, 503 otherwise. */
export async function GET() {
  const readiness = await checkReadiness();
  const headers = { "Cache-Control": "no-store" };
  return readiness.ready
    ? Response.json({ status: "ready" }, { headers })
    : Response.json({ status: "unavailable", detail: readiness.reason }, { status: 503, headers });
}
