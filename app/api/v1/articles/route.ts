import { apiRoute, preflight } from "@/lib/server/public-api";
import { listArticles } from "@/lib/server/public-read-api";

export const GET = apiRoute((request) => listArticles(request));
export const OPTIONS = () => preflight();
