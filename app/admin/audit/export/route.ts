import { exportAuditCsv } from "@/lib/server/admin/audit-log";
import { AccessDeniedError, DomainRuleError } from "@/lib/server/errors";
import { requireAdmin } from "@/lib/server/session";

export const dynamic = "force-dynamic";

/** CSV of the filtered audit log. The admin is resolved first and checked again by the data layer, before the first byte. */
export async function GET(request: Request) {
  const params = Object.fromEntries(new URL(request.url).searchParams.entries());
  let rows: AsyncGenerator<string>;
  try {
    rows = await exportAuditCsv(await requireAdmin(), params);
  } catch (error) {
    if (error instanceof AccessDeniedError) {
      const status = error.reason === "unauthenticated" ? 401 : 403;
      return new Response(status === 401 ? "Please sign in.\n" : "403 – Admins only.\n", { status, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    if (error instanceof DomainRuleError) return new Response(`${error.message}\n`, { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } });
    throw error;
  }
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await rows.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await rows.return(undefined);
    },
  });
  const stamp = new Date().toISOString().slice(0, 19).replace(/[:T]/g, "-");
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8; header=present",
      "content-disposition": `attachment; filename="audit-log-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}
