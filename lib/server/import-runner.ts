import "server-only";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { prepareImport, type ImportPreparation, type ImportRequest } from "@/lib/import/prepare-import";
import { IMPORT_WORKER_LIMITS, prepareImportInWorker } from "./import-worker";

/**
 * Where the app prepares an import (decode, convert, normalise, propose statements): on a worker thread with a
 * deadline (lib/server/import-worker.ts), so a 2 MB article never holds the event loop other requests need.
 *
 * In the Next build the bundler sees the literal `new Worker(new URL(…, import.meta.url))` and emits the entry as its
 * own chunk. Run from source outside Next (Vitest, tsx scripts such as the seed: NEXT_RUNTIME is unset) the pipeline
 * runs in process unless IMPORT_WORKER=on, since starting tsx in every worker costs about a second per import
 * (the worker path itself is covered by import-worker.test.ts, and built by the e2e import specs and bench:hostile).
 */
const fromSource = !process.env.NEXT_RUNTIME;

function spawnBuilt(): Worker {
  return new Worker(new URL("./import-worker-entry.ts", import.meta.url), { resourceLimits: IMPORT_WORKER_LIMITS });
}

function spawnFromSource(): Worker {
  // Not `new URL(…)`: the bundler would copy the source file into the public assets.
  const entry = path.join(path.dirname(fileURLToPath(import.meta.url)), "import-worker-entry.ts");
  return new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits: IMPORT_WORKER_LIMITS });
}

export async function prepareImportOffThread(request: ImportRequest): Promise<ImportPreparation> {
  if (fromSource && process.env.IMPORT_WORKER !== "on") return prepareImport(request);
  return prepareImportInWorker(request, { spawn: fromSource ? spawnFromSource : spawnBuilt });
}
