import "server-only";
import { z } from "zod";
import { anonymousReader } from "../actors";
import { DomainRuleError } from "../errors";
import { ApiProblem, ok, parseQuery } from "../public-api";
import { readerExportContext } from "../reader";
import { SEARCH_PAGE_SIZE, SearchQuerySchema } from "@/lib/contracts/claims";
import { searchStatements } from "./search";

const SearchApiQuerySchema = SearchQuerySchema.extend({
  pageSize: z.coerce.number().int("pageSize must be a whole number.").min(1, "pageSize must be at least 1.").max(100, "pageSize must be at most 100.").optional(),
});

/** GET /api/v1/search?q=&verdict=&type=&speaker=&source=&outlet=&language=&from=&to=&order=&cursor=&pageSize= */
export async function searchApi(request: Request): Promise<Response> {
  const query = parseQuery(request, SearchApiQuerySchema);
  const pageSize = query.pageSize ?? SEARCH_PAGE_SIZE;
  let result;
  try {
    result = await searchStatements(anonymousReader(), query, { pageSize });
  } catch (error) {
    if (error instanceof DomainRuleError) throw new ApiProblem(400, error.message, [{ parameter: error.field ?? "query", detail: error.message }]);
    throw error;
  }
  const base = readerExportContext().baseUrl.replace(/\/+$/, "");
  const link = (cursor: string | null) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(result.query)) if (value && key !== "cursor" && !(key === "order" && value === "recent")) params.set(key, String(value));
    if (pageSize !== SEARCH_PAGE_SIZE) params.set("pageSize", String(pageSize));
    if (cursor) params.set("cursor", cursor);
    const qs = params.toString();
    return `${base}/api/v1/search${qs ? `?${qs}` : ""}`;
  };
  return ok(request, {
    query: result.query,
    pageSize,
    items: result.hits.map((h) => ({ ...h, permalink: `${base}${h.permalink}`, api: `${base}/api/v1/annotations/${encodeURIComponent(h.annotationId)}` })),
    links: { self: link(query.cursor ?? null), first: link(null), ...(result.nextCursor ? { next: link(result.nextCursor) } : {}) },
  });
}
