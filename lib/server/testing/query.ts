import pg from "pg";

/** Rows of one query on its own connection: how tests look at what a database holds, outside the app. */
export async function queryAt<T = Record<string, unknown>>(connectionString: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}
