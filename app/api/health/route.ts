import { db } from "@/lib/server/db";

export const dynamic = "force-dynamic";

/** Liveness and database check, for the process supervisor and the test runner. */
export async function GET() {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return Response.json({ status: "ok" });
  } catch {
    return Response.json({ status: "error", detail: "database unavailable" }, { status: 503 });
  }
}
