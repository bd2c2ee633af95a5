import { apiRoute, preflight } from "@/lib/server/public-api";
import { getAnnotation } from "@/lib/server/public-read-api";

type Context = { params: Promise<{ id: string }> };

export const GET = apiRoute<Context>(async (request, { params }) => getAnnotation(request, (await params).id));
export const OPTIONS = () => preflight();
