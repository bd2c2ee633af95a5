import { queryAt } from "../../lib/server/testing/query";

/** Rows from the e2e database (the throwaway PostgreSQL set up by `npm test`), to check what the app stored. */
export async function query<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]> {
  const url = process.env.DATABASE_URL;
  if (!url?.startsWith("postgres")) throw new Error("DATABASE_URL must point at the e2e PostgreSQL database (run through npm test)");
  return queryAt<T>(url, sql, params);
}

/** The first row, or undefined. */
export async function queryOne<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T | undefined> {
  return (await query<T>(sql, ...params))[0];
}

/** A count as a number (PostgreSQL returns COUNT(*) as bigint, which pg gives as a string). */
export async function count(sql: string, ...params: unknown[]): Promise<number> {
  const row = await queryOne<{ n: string | number }>(sql, ...params);
  return Number(row?.n ?? 0);
}
