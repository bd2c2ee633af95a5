import type { Writable } from "node:stream";
export const EXPORT_FORMAT: string;
export const EXPORT_VERSION: number;
export function exportDatabase(connectionString: string, out: Writable): Promise<Record<string, number>>;
export function importDatabase(connectionString: string, file: string): Promise<{ counts: Record<string, number>; sha256: string }>;
export function tablesInDependencyOrder(client: { query(sql: string): Promise<{ rows: { name?: string; child?: string; parent?: string }[] }> }): Promise<string[]>;
export function recordDatabaseEvent(client: unknown, action: string, sha256: string, after: unknown, comment: string): Promise<void>;
export function quote(name: string): string;
