import { apiRoute, preflight } from "@/lib/server/public-api";
import { getArticleClaimReviews } from "@/lib/server/public-read-api";

type Context = { params: Promise<{ slug: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => getArticleClaimReviews(request, (await params).slug));
export const OPTIONS = () => preflight();
