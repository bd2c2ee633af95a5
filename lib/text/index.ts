export { normalizeArticleText, splitParagraphs, stripEmphasis, collapseWhitespace, PARAGRAPH_BREAK } from "./normalize";
export type { NormalizedArticle } from "./normalize";
export { proposeStatements, trackQuotes, MAX_MERGED_SENTENCES, MAX_MERGED_PARAGRAPH_BREAKS } from "./segment";
export { utf16ToCodePoint, codePointToUtf16, codePointLength } from "./offsets";
export { contentHash } from "./hash";
export { slugify, MAX_SLUG_LENGTH } from "./slug";
export { resolveKeySpan, findAllOccurrences } from "./resolve-span";
