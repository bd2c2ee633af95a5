export function parseSqliteDateTime(value: unknown): Date;
export function convertSqliteValue(type: string, value: unknown): unknown;
export function migrateFromSqlite(connectionString: string, file: string): Promise<{ counts: Record<string, number>; sha256: string }>;
