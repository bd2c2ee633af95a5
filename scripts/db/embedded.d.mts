export function embeddedMajorVersion(): Promise<number>;
export function freePort(preferred?: number): Promise<number>;
export function connectionUrl(state: { user: string; password: string; port: number }, database: string): string;
export function startEmbeddedPostgres(o: {
  dataDir: string;
  stateFile?: string;
  ownerFile?: string;
  database?: string;
  persistent?: boolean;
  log?: (message: string) => void;
  logFile?: string;
}): Promise<{ url: string; adminUrl: string; joined: boolean; stop: () => Promise<void>; version: number }>;
