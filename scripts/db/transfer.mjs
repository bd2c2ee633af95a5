// Backup and restore of the whole database as one versioned JSON file (npm run export / npm run import).
//
// The file is one JSON document laid out one row per line, so both ends stream it in bounded memory:
//   {"format":"provenance-export","version":1,"exportedAt":"…","migration":"<last applied>","tables":[
//   {"table":"User","columns":[…],"rows":[
//   {…row as PostgreSQL's row_to_json wrote it…},
//   …
//   ]},
//   …
//   ]}
// Rows are PostgreSQL's own JSON of each row (exact timestamps, jsonb as JSON), read in one REPEATABLE READ snapshot
// and restored with json_populate_record, so a restore is the rows as they were.
import crypto from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import pg from "pg";

export const EXPORT_FORMAT = "provenance-export";
export const EXPORT_VERSION = 1;
const BATCH = 1000;
// SearchWord, SearchSpeaker and AnnotationSourceKey are derived from the annotations (triggers fill them again as
// they are restored).
const SKIP = new Set(["_provenance_migrations", "SearchWord", "SearchSpeaker", "AnnotationSourceKey"]);

/** The app's tables in an order where every table comes after the tables it references. */
export async function tablesInDependencyOrder(client) {
  const tables = (await client.query(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`)).rows
    .map((r) => r.name)
    .filter((name) => !SKIP.has(name));
  const refs = (
    await client.query(`SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
      FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE c.contype = 'f' AND n.nspname = 'public'`)
  ).rows.map((r) => ({ child: r.child.replaceAll('"', ""), parent: r.parent.replaceAll('"', "") }));
  const ordered = [];
  const placed = new Set();
  while (ordered.length < tables.length) {
    const next = tables.find((t) => !placed.has(t) && refs.every((r) => r.child !== t || r.parent === t || placed.has(r.parent)));
    if (!next) throw new Error("circular foreign keys between tables");
    ordered.push(next);
    placed.add(next);
  }
  return ordered;
}

/** A PostgreSQL identifier, quoted. */
export const quote = (name) => `"${name.replaceAll('"', '""')}"`;

/**
 * The audit event of a whole-database operation (restore, move from SQLite), written by the script itself: these
 * run outside the app, as "system", in the operation's own transaction. Its shape is in the audit catalogue.
 */
export async function recordDatabaseEvent(client, action, sha256, after, comment) {
  await client.query(
    `INSERT INTO "AuditEvent" (id, "createdAt", "actorId", "actorLabel", action, "entityType", "entityId", "articleId", before, after, comment)
     VALUES ($1, now(), NULL, 'system', $2, 'database', $3, NULL, NULL, $4::jsonb, $5)`,
    [`db${crypto.randomBytes(12).toString("hex")}`, action, sha256.slice(0, 16), JSON.stringify(after), comment],
  );
}

/** The columns a row is written with: not the generated ones (PostgreSQL computes those, and refuses a value for them). */
async function columnsOf(client, table) {
  return (
    await client.query(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, [table])
  ).rows.map((r) => r.name);
}

function write(stream, text) {
  return stream.write(text) ? Promise.resolve() : new Promise((resolve) => stream.once("drain", resolve));
}

/**
 * Writes the whole database to `out` (a writable stream). Memory stays bounded: rows are fetched through a cursor,
 * BATCH at a time, and written with back-pressure.
 * @returns {Promise<Record<string, number>>} rows per table
 */
export async function exportDatabase(connectionString, out) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const counts = {};
  try {
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const migration = (await client.query(`SELECT name FROM "_provenance_migrations" ORDER BY name DESC LIMIT 1`)).rows[0]?.name ?? null;
    const header = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), migration };
    await write(out, JSON.stringify(header).slice(0, -1) + ',"tables":[\n');
    const tables = await tablesInDependencyOrder(client);
    for (const [t, table] of tables.entries()) {
      const columns = await columnsOf(client, table);
      await write(out, `${JSON.stringify({ table, columns }).slice(0, -1)},"rows":[\n`);
      const order = columns.includes("id") ? ` ORDER BY t."id"` : "";
      await client.query(`DECLARE rows NO SCROLL CURSOR FOR SELECT row_to_json(t)::text AS j FROM ${quote(table)} t${order}`);
      let n = 0;
      for (;;) {
        const { rows } = await client.query(`FETCH ${BATCH} FROM rows`);
        for (const row of rows) {
          await write(out, (n === 0 ? "" : ",\n") + row.j);
          n++;
        }
        if (rows.length < BATCH) break;
      }
      await client.query("CLOSE rows");
      await write(out, `${n === 0 ? "" : "\n"}]}${t === tables.length - 1 ? "" : ","}\n`);
      counts[table] = n;
    }
    await write(out, "]}\n");
    await client.query("COMMIT");
  } finally {
    await client.end().catch(() => {});
  }
  return counts;
}

/**
 * Restores a file written by exportDatabase into an EMPTY, migrated database (refuses otherwise), in one
 * transaction, then records one audit event for the restore. Memory stays bounded: the file is read line by line.
 * @returns {Promise<{ counts: Record<string, number>, sha256: string }>}
 */
export async function importDatabase(connectionString, file) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  const counts = {};
  const hash = crypto.createHash("sha256");
  try {
    const latest = (await client.query(`SELECT name FROM "_provenance_migrations" ORDER BY name DESC LIMIT 1`)).rows[0]?.name ?? null;
    const tables = await tablesInDependencyOrder(client);
    for (const table of tables) {
      const { rows } = await client.query(`SELECT EXISTS (SELECT 1 FROM ${quote(table)}) AS any`);
      if (rows[0].any) throw new Error(`the database is not empty (table ${table} has rows); restore into a new, empty database`);
    }
    await client.query("BEGIN");
    const lines = readline.createInterface({ input: fs.createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
    let header = null;
    let table = null;
    let columnList = "";
    let batch = [];
    const flush = async () => {
      if (batch.length === 0) return;
      await client.query(`INSERT INTO ${quote(table)} (${columnList}) SELECT ${columnList} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`, [`[${batch.join(",")}]`]);
      counts[table] += batch.length;
      batch = [];
    };
    for await (const raw of lines) {
      hash.update(raw + "\n");
      const line = raw.trim();
      if (!header) {
        if (!line.endsWith(',"tables":[')) throw new Error("this is not a Provenance export file");
        header = JSON.parse(line.slice(0, -',"tables":['.length) + "}");
        if (header.format !== EXPORT_FORMAT) throw new Error("this is not a Provenance export file");
        if (header.version !== EXPORT_VERSION) throw new Error(`export format version ${header.version} is not supported (this version reads ${EXPORT_VERSION})`);
        if (header.migration !== latest) throw new Error(`the file was exported at schema ${header.migration}, this database is at ${latest}: restore with the matching version of Provenance`);
        continue;
      }
      if (line.startsWith('{"table":')) {
        const meta = JSON.parse(line.slice(0, -',"rows":['.length) + "}");
        if (!tables.includes(meta.table)) throw new Error(`the file has a table this version does not know: ${meta.table}`);
        table = meta.table;
        columnList = (await columnsOf(client, table)).map(quote).join(", ");
        counts[table] = 0;
        continue;
      }
      if (line.startsWith("]}")) {
        await flush();
        continue;
      }
      if (line === "") continue;
      if (!table) throw new Error("the file is damaged (a row outside a table)");
      batch.push(line.endsWith(",") ? line.slice(0, -1) : line);
      if (batch.length >= BATCH) await flush();
    }
    if (!header) throw new Error("the file is empty");
    const sha256 = hash.digest("hex");
    await recordDatabaseEvent(client, "database.restore", sha256, { exportedAt: header.exportedAt, migration: header.migration, rows: counts }, "Restored from an export file");
    await client.query("COMMIT");
    return { counts, sha256 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    await client.end().catch(() => {});
  }
}
