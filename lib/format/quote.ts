/** Quotation marks a statement may already carry at its start or end (straight, curly, low-9, guillemets). */
const QUOTE_MARKS = /^["'“”‘’„‚«»‹›]|["'“”‘’„‚«»‹›]$/u;

/**
 * A statement shown as a quotation: wrapped in “ ” unless it already starts or ends with a quotation mark of its
 * own (a quoted sentence such as “With this decision…), which would otherwise read as a doubled mark (““With…).
 */
export function asQuotation(text: string): string {
  const trimmed = text.trim();
  if (trimmed === "" || QUOTE_MARKS.test(trimmed)) return trimmed;
  return `“${trimmed}”`;
}
