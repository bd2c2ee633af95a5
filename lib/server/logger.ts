import "server-only";
import pino from "pino";

/** JSON logs, one object per line (LOG_LEVEL: trace … fatal, default info). */
export const logger = pino({ level: process.env.LOG_LEVEL ?? "info", base: { pid: process.pid } });
