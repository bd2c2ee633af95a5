import { apiRoute, preflight } from "@/lib/server/public-api";
import { unknownEndpoint } from "@/lib/server/public-read-api";

/** Unknown /api/v1 paths answer with problem details too, not the HTML 404 page. */
export const GET = apiRoute((request) => unknownEndpoint(request));
export const OPTIONS = () => preflight();
