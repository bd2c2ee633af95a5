/** Runs once when a server process starts (Next.js instrumentation hook). The Node.js parts live in lib/server. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServerProcess } = await import("./lib/server/process");
  await startServerProcess();
}
