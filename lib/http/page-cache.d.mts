import type { IncomingMessage, ServerResponse } from "node:http";

export interface PageCacheEntry {
  body: Buffer;
  headers: Record<string, string | string[]>;
  etag: string;
  tags: string[];
  variants: Map<string, Buffer>;
}

export declare class PageCache {
  constructor(options?: { maxBytes?: number });
  readonly maxBytes: number;
  entries: Map<string, PageCacheEntry>;
  bytes: number;
  generation: number;
  get(key: string): PageCacheEntry | undefined;
  put(key: string, page: { body: Buffer; headers: Record<string, string | string[]>; etag?: string; tags: string[] }, generation: number): boolean;
  evictOverflow(): void;
  delete(key: string): void;
  invalidateTags(tags: string[]): void;
  body(entry: PageCacheEntry, encoding: "br" | "gzip" | null): Buffer;
}

export declare function negotiateEncoding(acceptEncoding: string | undefined): "br" | "gzip" | null;
export declare function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean;
export declare function createCachingHandler(options: {
  cache: PageCache;
  handle: (req: IncomingMessage, res: ServerResponse) => unknown;
  cacheKey: (url: string) => { key: string; tags: string[] } | null;
}): (req: IncomingMessage, res: ServerResponse) => unknown;
