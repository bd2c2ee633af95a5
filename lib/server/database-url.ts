import path from "node:path";
import fs from "node:fs";

export const DEFAULT_DATABASE_URL = "file:./.data/provenance.db";

/**
 * Turns DATABASE_URL ("file:relative/or/absolute.db") into an absolute file: URL, relative to the project root
 * (the working directory of every script), and makes sure its folder exists. Shared by the CLI config,
 * the app and the scripts so all three open the same file.
 */
export function resolveDatabaseUrl(raw: string | undefined): string {
  const url = raw && raw.trim() !== "" ? raw.trim() : DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) throw new Error(`DATABASE_URL must be a SQLite "file:" URL, got "${url}"`);
  const filePath = path.resolve(/*turbopackIgnore: true*/ process.cwd(), url.slice("file:".length));
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  return `file:${filePath}`;
}
