// Moves a database from the SQLite era of Provenance (.data/provenance.db) into an EMPTY, migrated PostgreSQL database
// (npm run migrate-from-sqlite -- <file.db>). The file is read with sql.js (SQLite compiled to WebAssembly), so no
// native SQLite driver is needed. Values are converted by the PostgreSQL column they go to: 0/1 → boolean, ISO text /
// "YYYY-MM-DD HH:MM:SS" / epoch milliseconds → timestamptz, JSON text → jsonb. Everything is copied in one
// transaction, with one audit event for the move; any bad row aborts it all.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import initSqlJs from "sql.js";
import { quote, recordDatabaseEvent, tablesInDependencyOrder } from "./transfer.mjs";

const BATCH = 500;
const SQLITE_MAGIC = "SQLite format 3\0";
/** Tables added after the SQLite era: a SQLite file has none of them, and they start empty. */
const TABLES_SINCE_SQLITE = new Set(["AnnotationRevision", "ArticleVersion", "ClaimLink", "UserSession", "RateLimitBucket", "ReaderReport", "SearchWord", "AnnotationSourceKey", "SearchSpeaker"]);
/**
 * The backfill functions later migrations created (and ran on the data they found): run again on the moved rows, so
 * they get what an upgraded database has (revision rows, article versions, approved quotes). In migration order.
 */
const BACKFILLS = ["provenance_backfill_annotation_revisions", "provenance_backfill_article_versions", "provenance_backfill_approved_quotes", "provenance_backfill_search_words", "provenance_backfill_source_keys", "provenance_backfill_first_published_at", "provenance_backfill_search_speakers"];
const COLUMNS_SINCE_SQLITE = new Set([
  "Annotation.previousQuote",
  "Annotation.wordingChangedAt",
  "Annotation.approvedQuote",
  "Annotation.removalRequestedById",
  "Annotation.removalRequestedAt",
  "Annotation.removalReason",
  "Annotation.removedById",
  "Annotation.removedAt",
  "Annotation.reattachStatementId",
  "Annotation.reattachRequestedById",
  "Annotation.reattachRequestedAt",
  "Annotation.copiedFromId",
  "Annotation.copiedFromVersion",
  "Annotation.copiedAtVersion",
  "Article.firstPublishedAt",
  "Source.mergedIntoId",
  "Source.mergedAt",
  "Source.version",
]);
/** The NOT NULL columns among them: json_populate_recordset would write NULL for a missing key, so their default is given. */
const DEFAULTS_SINCE_SQLITE = { Source: { version: 1 } };


/**
 * The columns a row is written with: not the generated ones (PostgreSQL computes those, and refuses a value for them).
 * @returns {Promise<{ name: string, type: string }[]>} type is information_schema's data_type
 */
async function postgresColumns(client, table) {
  return (
    await client.query(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`,
      [table],
    )
  ).rows;
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?))?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** A SQLite DATETIME as Prisma (ISO text), SQLite's CURRENT_TIMESTAMP (UTC, no zone) or epoch milliseconds wrote it. */
export function parseSqliteDateTime(value) {
  if (typeof value === "number" || (typeof value === "string" && /^-?\d{9,}$/.test(value.trim()))) {
    const date = new Date(Number(value));
    if (!Number.isNaN(date.getTime())) return date;
  } else if (typeof value === "string") {
    const m = DATE_TIME.exec(value.trim());
    if (m) {
      let zone = (m[3] ?? "Z").toUpperCase();
      if (/^[+-]\d{2}$/.test(zone)) zone += ":00";
      else if (/^[+-]\d{4}$/.test(zone)) zone = `${zone.slice(0, 3)}:${zone.slice(3)}`;
      const date = new Date(`${m[1]}T${m[2] ?? "00:00:00"}${zone}`);
      if (!Number.isNaN(date.getTime())) return date;
    }
  }
  throw new Error(`not a date and time: ${JSON.stringify(value)}`);
}

/**
 * One SQLite value as the PostgreSQL column of type `type` (information_schema data_type) takes it through
 * json_populate_recordset: a JSON value. SQL NULL stays null.
 */
export function convertSqliteValue(type, value) {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) throw new Error("binary data where none is expected");
  switch (type) {
    case "boolean":
      if (value === 1 || value === 0) return value === 1;
      if (typeof value === "string" && /^(1|0|true|false)$/i.test(value.trim())) return /^(1|true)$/i.test(value.trim());
      throw new Error(`not a boolean: ${JSON.stringify(value)}`);
    case "timestamp with time zone":
    case "timestamp without time zone":
      return parseSqliteDateTime(value).toISOString();
    case "jsonb":
    case "json":
      if (typeof value !== "string") return value;
      try {
        return JSON.parse(value);
      } catch {
        throw new Error(`not valid JSON: ${JSON.stringify(value.slice(0, 60))}`);
      }
    case "integer":
    case "smallint":
    case "bigint": {
      const number = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
      if (typeof number === "number" && Number.isInteger(number)) return number;
      throw new Error(`not an integer: ${JSON.stringify(value)}`);
    }
    case "text":
    case "character varying":
      return typeof value === "string" ? value : String(value);
    default:
      return value;
  }
}

/** Opens the file with sql.js, refusing anything that is not a readable SQLite database. */
async function openSqlite(file) {
  const name = path.basename(file);
  if (!fs.existsSync(file)) throw new Error(`there is no file ${file}`);
  if (!fs.statSync(file).isFile()) throw new Error(`${file} is not a file`);
  const bytes = fs.readFileSync(file);
  if (bytes.length < 100 || bytes.subarray(0, 16).toString("latin1") !== SQLITE_MAGIC) throw new Error(`${name} is not a SQLite database file`);
  // sql.js reads the main file only: changes still in a write-ahead log or a hot rollback journal would be lost.
  for (const suffix of ["-wal", "-journal"]) {
    const side = `${file}${suffix}`;
    if (fs.existsSync(side) && fs.statSync(side).size > 0) {
      throw new Error(
        `${name}${suffix} holds changes not yet written into ${name}: stop the old Provenance cleanly, or run sqlite3 ${name} "PRAGMA wal_checkpoint(TRUNCATE)", then try again`,
      );
    }
  }
  const SQL = await initSqlJs();
  try {
    const db = new SQL.Database(bytes);
    db.exec("SELECT count(*) FROM sqlite_master");
    return { sqlite: db, sha256: crypto.createHash("sha256").update(bytes).digest("hex") };
  } catch (error) {
    throw new Error(`${name} cannot be read as a SQLite database (${error instanceof Error ? error.message : String(error)})`);
  }
}

function sqliteColumns(db, table) {
  const [result] = db.exec(`PRAGMA table_info(${quote(table)})`);
  return new Set((result?.values ?? []).map((row) => String(row[1])));
}

/**
 * Copies every table of the SQLite file into the empty, migrated PostgreSQL database at `connectionString`, in one
 * transaction, plus one audit event `database.migrate_from_sqlite`. Refuses a non-empty target, a file that is not
 * a SQLite database, and one that is not a Provenance database at its last SQLite schema.
 * @returns {Promise<{ counts: Record<string, number>, sha256: string }>}
 */
export async function migrateFromSqlite(connectionString, file) {
  const name = path.basename(file);
  const { sqlite, sha256 } = await openSqlite(file);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const counts = {};
  try {
    const [present] = sqlite.exec(`SELECT name FROM sqlite_master WHERE type = 'table'`);
    const sqliteTables = new Set((present?.values ?? []).map((row) => String(row[0])));
    const tables = (await tablesInDependencyOrder(client)).filter((t) => !TABLES_SINCE_SQLITE.has(t));
    const missing = tables.filter((t) => !sqliteTables.has(t));
    if (missing.length > 0) throw new Error(`${name} is not a Provenance SQLite database (missing tables: ${missing.join(", ")})`);

    const columnsByTable = new Map();
    const writableByTable = new Map();
    for (const table of tables) {
      const columns = await postgresColumns(client, table);
      const inFile = sqliteColumns(sqlite, table);
      const absent = columns.filter((c) => !inFile.has(c.name) && !COLUMNS_SINCE_SQLITE.has(`${table}.${c.name}`)).map((c) => `${table}.${c.name}`);
      const unknown = [...inFile].filter((c) => !columns.some((col) => col.name === c)).map((c) => `${table}.${c}`);
      if (absent.length > 0 || unknown.length > 0) {
        const what = [absent.length > 0 ? `missing ${absent.join(", ")}` : "", unknown.length > 0 ? `unknown ${unknown.join(", ")}` : ""].filter(Boolean).join("; ");
        throw new Error(`${name} is not at the last SQLite schema of Provenance (${what}): open it once with the last SQLite version of Provenance, then try again`);
      }
      columnsByTable.set(table, columns.filter((c) => inFile.has(c.name)));
      writableByTable.set(table, columns.map((c) => quote(c.name)).join(", "));
    }

    for (const table of tables) {
      const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS any`);
      if (rows[0].any) throw new Error(`the target database is not empty (table ${table} has rows); move into a new, empty database`);
    }

    for (const table of TABLES_SINCE_SQLITE) {
      const { rows } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`"${table}"`]);
      if (rows[0].present && (await client.query(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS any`)).rows[0].any) {
        throw new Error(`the target database is not empty (table ${table} has rows); move into a new, empty database`);
      }
    }
    await client.query("BEGIN");
    for (const table of tables) {
      const columns = columnsByTable.get(table);
      counts[table] = 0;
      const order = columns.some((c) => c.name === "id") ? ` ORDER BY "id"` : "";
      const statement = sqlite.prepare(`SELECT ${columns.map((c) => quote(c.name)).join(", ")} FROM ${quote(table)}${order}`);
      let batch = [];
      const flush = async () => {
        if (batch.length === 0) return;
        try {
          const writable = writableByTable.get(table);
          await client.query(`INSERT INTO ${quote(table)} (${writable}) SELECT ${writable} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [JSON.stringify(batch)]);
        } catch (error) {
          throw new Error(`table ${table} could not be copied: ${error instanceof Error ? error.message : String(error)}`);
        }
        counts[table] += batch.length;
        batch = [];
      };
      try {
        while (statement.step()) {
          const values = statement.get();
          const row = { ...DEFAULTS_SINCE_SQLITE[table] };
          for (const [i, column] of columns.entries()) {
            try {
              row[column.name] = convertSqliteValue(column.type, values[i]);
            } catch (error) {
              const id = columns[0]?.name === "id" ? ` (row ${values[0]})` : "";
              throw new Error(`${table}.${column.name}${id} is ${error instanceof Error ? error.message : String(error)}`);
            }
          }
          batch.push(row);
          if (batch.length >= BATCH) await flush();
        }
        await flush();
      } finally {
        statement.free();
      }
    }
    for (const backfill of BACKFILLS) {
      const { rows } = await client.query(`SELECT to_regprocedure($1) IS NOT NULL AS present`, [`${backfill}()`]);
      if (rows[0].present) await client.query(`SELECT ${backfill}()`);
    }
    for (const table of TABLES_SINCE_SQLITE) {
      const { rows } = await client.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [`"${table}"`]);
      if (!rows[0].present) continue;
      const n = Number((await client.query(`SELECT count(*) AS n FROM ${quote(table)}`)).rows[0].n);
      if (n > 0) counts[table] = n; // filled by a backfill
    }
    await recordDatabaseEvent(client, "database.migrate_from_sqlite", sha256, { file: name, rows: counts }, "Moved from a SQLite database file");
    await client.query("COMMIT");
    return { counts, sha256 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    sqlite.close();
    await client.end().catch(() => {});
  }
}
