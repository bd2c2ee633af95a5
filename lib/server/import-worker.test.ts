import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { describe, expect, it } from "vitest";
import { prepareImport, type ImportRequest } from "@/lib/import/prepare-import";
import { IMPORT_WORKER_LIMITS, prepareImportInWorker } from "./import-worker";

// Without a bundler the .ts entry runs through tsx's require hook, as scripts do.
const entry = fileURLToPath(new URL("./import-worker-entry.ts", import.meta.url));
const spawnEntry = () =>
  new Worker(`require("tsx/cjs/api").register(); require(${JSON.stringify(entry)});`, { eval: true, resourceLimits: IMPORT_WORKER_LIMITS });
const bytes = (s: string) => new TextEncoder().encode(s);

/** A worker that never answers, and one that spins forever, with an `exited` promise to see it terminated. */
function stuckWorker(code: string) {
  let worker!: Worker;
  let exited!: Promise<number>;
  const spawn = () => {
    worker = new Worker(code, { eval: true });
    exited = new Promise((resolve) => worker.once("exit", resolve));
    return worker;
  };
  return { spawn, exited: () => exited };
}

describe("prepareImportInWorker", () => {
  it("gives the same result as preparing in process", async () => {
    const request: ImportRequest = { file: { name: "a.md", bytes: bytes("# Title\n\nFirst [sentence](https://e.com). “Second,” she said.") }, text: "" };
    const result = await prepareImportInWorker(request, { spawn: spawnEntry, deadlineMs: 20_000 });
    expect(result).toEqual(prepareImport(request));
    expect(result.ok && result.prepared.statements).toHaveLength(2);
  });

  it("passes a refusal through", async () => {
    const request: ImportRequest = { file: { name: "deep.html", bytes: bytes("<div>".repeat(5000)) }, text: "" };
    const result = await prepareImportInWorker(request, { spawn: spawnEntry, deadlineMs: 20_000 });
    expect(result).toMatchObject({ ok: false, field: "file", message: expect.stringMatching(/nests more than/) });
  });

  it("refuses with a message at the deadline, and terminates a worker that is still computing", async () => {
    const spinning = stuckWorker("require('node:worker_threads').parentPort.once('message', () => { for (;;) {} })");
    const started = Date.now();
    const result = await prepareImportInWorker({ text: "x" }, { spawn: spinning.spawn, deadlineMs: 300 });
    expect(result).toMatchObject({ ok: false, field: "text", message: expect.stringMatching(/took longer than 0.3 seconds.*Nothing was imported/) });
    expect(Date.now() - started).toBeLessThan(5_000);
    await expect(spinning.exited()).resolves.toBe(1); // terminate() ends it with exit code 1
  });

  it("refuses when as many imports as allowed are already running", async () => {
    const silent = stuckWorker("setInterval(() => {}, 1000)");
    const first = prepareImportInWorker({ text: "x" }, { spawn: silent.spawn, deadlineMs: 500, maxConcurrent: 1 });
    const second = await prepareImportInWorker({ text: "y" }, { spawn: spawnEntry, maxConcurrent: 1 });
    expect(second).toMatchObject({ ok: false, message: expect.stringMatching(/busy/) });
    await expect(first).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/took longer/) });
  });

  it("rejects when the worker fails unexpectedly", async () => {
    const crashing = stuckWorker("throw new Error('boom')");
    await expect(prepareImportInWorker({ text: "x" }, { spawn: crashing.spawn, deadlineMs: 5_000 })).rejects.toThrow(/boom/);
  });
});
