/**
 * Worker-thread entry for lib/server/import-worker.ts: prepares one import and posts the result back. It runs in a
 * plain worker, outside React's server bundle conditions, so it must not import "server-only" (that throws there)
 * and imports only the pure pipeline.
 */
import os from "node:os";
import { parentPort } from "node:worker_threads";
import { prepareImport, type ImportRequest } from "../import/prepare-import";
import type { ImportWorkerReply } from "./import-worker";

const port = parentPort;
if (!port) throw new Error("import-worker-entry runs only as a worker thread.");
// Lower this thread's scheduling priority (on Linux, niceness is per thread: the event loop keeps its own), so that on
// a busy machine the requests waiting on the event loop get the CPU before the import does.
try {
  os.setPriority(5);
} catch {
  // Not permitted here: the import just runs at normal priority.
}
port.once("message", (request: ImportRequest) => {
  let reply: ImportWorkerReply;
  try {
    reply = { result: prepareImport(request) };
  } catch (error) {
    reply = { error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
  port.postMessage(reply);
});
