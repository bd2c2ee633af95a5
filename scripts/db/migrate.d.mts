export const MIGRATIONS_DIR: string;
export function committedMigrations(dir?: string): { name: string; sql: string; checksum: string }[];
export function migrateDatabase(connectionString: string, options?: { log?: (message: string) => void }): Promise<string[]>;
