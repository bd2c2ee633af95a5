export const LOCAL_DATABASE_URL_FILE: string;
export function resolveDatabaseUrl(raw?: string): string;
