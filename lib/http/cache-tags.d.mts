export declare const PUBLIC_ARTICLES_TAG: "public-articles";
export declare const VOCABULARY_TAG: "vocabulary";
export declare function articleTag(slug: string): string;
export declare const PAGE_CACHE_KEY: unique symbol;
export declare function readerPageCacheKey(url: string): { key: string; tags: string[] } | null;
