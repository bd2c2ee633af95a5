export const MAX_SLUG_LENGTH = 80;

// Letters that NFKD does not decompose into a base letter plus a combining mark.
const TRANSLITERATIONS: Record<string, string> = { ß: "ss", æ: "ae", ø: "o", œ: "oe", ł: "l", đ: "d", þ: "th", ð: "d" };

/** URL slug: lowercase ASCII letters and digits separated by single "-", at most 80 chars; "article" if empty. */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[ßæøœłđþð]/g, (ch) => TRANSLITERATIONS[ch])
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, "");
  return slug || "article";
}
