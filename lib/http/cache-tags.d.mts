export declare const PUBLIC_ARTICLES_TAG: "public-articles";
export declare const VOCABULARY_TAG: "vocabulary";
export declare function articleTag(slug: string): string;
