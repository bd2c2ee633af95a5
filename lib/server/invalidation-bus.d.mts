export const CACHE_CHANNEL: string;
export function publicTags(tags: string[]): string[];
export function notifyInvalidation(connectionString: string, tags: string[]): Promise<void>;
export function signPurge(secret: string, body: string, timestamp: number): string;
export function purgeCdn(
  tags: string[],
  log: (level: string, message: string, extra?: object) => void,
  options?: { url?: string; secret?: string; attempts?: number; fetchImpl?: typeof fetch },
): Promise<boolean>;
