import "server-only";
import type { Worker } from "node:worker_threads";
import type { ImportPreparation, ImportRequest } from "@/lib/import/prepare-import";

/**
 * Runs the pure import pipeline (prepareImport) on a worker thread with a deadline, so a hostile or huge file
 * cannot hold the event loop: past the deadline the worker is terminated and the import refused with a message.
 *
 * How the worker is started is the caller's: pass `spawn`. In the app, the call must be written out literally so
 * the bundler sees the worker entry and emits it:
 *   () => new Worker(new URL("./import-worker-entry.ts", import.meta.url), { resourceLimits: IMPORT_WORKER_LIMITS })
 * (Turbopack bundles `new Worker(new URL(…, import.meta.url))` for node:worker_threads since Next 16.2.) Without a
 * bundler (tests, scripts), spawn the .ts entry with `execArgv: ["--import", "tsx"]`.
 */

export const IMPORT_DEADLINE_MS = 5_000;
/** Worker threads preparing imports at once, per process; more callers are refused rather than queued. */
export const MAX_CONCURRENT_IMPORTS = 2;
/** A worker that needs more memory than this is stopped, and the import refused. */
export const IMPORT_WORKER_LIMITS = { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64 } as const;

export interface ImportWorkerOptions {
  spawn: () => Worker;
  deadlineMs?: number;
  maxConcurrent?: number;
}

/** What the worker entry posts back. */
export type ImportWorkerReply = { result: ImportPreparation } | { error: string };

let running = 0;

export async function prepareImportInWorker(request: ImportRequest, options: ImportWorkerOptions): Promise<ImportPreparation> {
  const deadlineMs = options.deadlineMs ?? IMPORT_DEADLINE_MS;
  const field = request.file ? "file" : "text";
  if (running >= (options.maxConcurrent ?? MAX_CONCURRENT_IMPORTS)) {
    return { ok: false, field, message: "The server is busy preparing other imports. Nothing was imported. Try again in a minute." };
  }
  running++;
  let worker: Worker | undefined;
  try {
    worker = options.spawn();
    const started = worker;
    return await new Promise<ImportPreparation>((resolve, reject) => {
      const timer = setTimeout(() => {
        resolve({
          ok: false,
          field,
          message: `Preparing this text took longer than ${deadlineMs / 1000} seconds, so it was stopped. Nothing was imported. Split the article into smaller parts and import them one by one.`,
        });
      }, deadlineMs);
      started.once("message", (reply: ImportWorkerReply) => {
        clearTimeout(timer);
        if ("result" in reply) resolve(reply.result);
        else reject(new Error(`Import worker failed: ${reply.error}`));
      });
      started.once("error", (error: Error & { code?: string }) => {
        clearTimeout(timer);
        if (error.code === "ERR_WORKER_OUT_OF_MEMORY") {
          resolve({ ok: false, field, message: "Preparing this text needed too much memory, so it was stopped. Nothing was imported. Split the article into smaller parts." });
        } else reject(error);
      });
      started.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`Import worker exited (code ${code}) before answering.`));
      });
      started.postMessage(request);
    });
  } finally {
    running--;
    if (worker) void worker.terminate();
  }
}
