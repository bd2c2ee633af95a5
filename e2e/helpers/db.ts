import Database from "better-sqlite3";

/** The e2e database (a throwaway file set up by `npm test`), opened to check what the app stored. */
export function openTestDb(options: { readonly?: boolean } = { readonly: true }) {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith("file:")) throw new Error("DATABASE_URL must point at the e2e SQLite file (run through npm test)");
  const db = new Database(url.slice("file:".length), { readonly: options.readonly ?? true, fileMustExist: true });
  db.pragma("busy_timeout = 5000");
  return db;
}
