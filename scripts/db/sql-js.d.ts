// The part of sql.js (SQLite compiled to WebAssembly) that the SQLite → PostgreSQL move and its test use.
declare module "sql.js" {
  type SqlValue = number | string | Uint8Array | null;
  export interface Statement {
    step(): boolean;
    get(): SqlValue[];
    free(): boolean;
  }
  export interface Database {
    exec(sql: string): { columns: string[]; values: SqlValue[][] }[];
    run(sql: string, params?: SqlValue[]): Database;
    prepare(sql: string): Statement;
    export(): Uint8Array;
    close(): void;
  }
  export interface SqlJsStatic {
    Database: new (data?: ArrayLike<number> | Buffer | null) => Database;
  }
  export default function initSqlJs(config?: { locateFile?: (file: string) => string }): Promise<SqlJsStatic>;
}
