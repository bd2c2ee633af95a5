/**
 * A stored JSON value (a jsonb column) as T, or null when empty. Older rows may hold the JSON as text, which is
 * parsed; unreadable text is null.
 */
export function parseJson<T = unknown>(value: unknown): T | null {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value !== "string") return value as T;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}
