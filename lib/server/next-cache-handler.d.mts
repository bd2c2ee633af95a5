export function stopCacheListener(): void;
export default class ProvenanceCacheHandler {
  get(key: string, ctx?: unknown): Promise<{ value: unknown; lastModified: number } | null>;
  set(key: string, data: unknown, ctx?: unknown): Promise<void>;
  revalidateTag(tags: string | string[]): Promise<void>;
  resetRequestCache(): void;
}
