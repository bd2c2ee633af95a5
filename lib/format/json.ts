/** JSON text → value, or null for an empty or unreadable text (stored snapshots written by older code included). */
export function parseJson<T = unknown>(value: string | null | undefined): T | null {
  if (!value) return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}
