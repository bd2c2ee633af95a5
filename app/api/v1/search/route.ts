import { apiRoute, preflight } from "@/lib/server/public-api";
import { searchApi } from "@/lib/server/claims/search-api";

export const GET = apiRoute((request) => searchApi(request));
export const OPTIONS = () => preflight();
