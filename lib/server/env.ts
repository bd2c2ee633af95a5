import "server-only";
import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== "" ? v.trim() : undefined));

const EnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: optionalString,
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters (npm start creates one)"),
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, message: "PUBLIC_BASE_URL must be an http(s) URL" })
    .default("http://localhost:3000")
    .transform((v) => v.replace(/\/+$/, "")),
  PUBLISHER_NAME: z.string().min(1).default("Provenance fact-check desk"),
  PUBLISHER_URL: optionalString,
  SMTP_HOST: optionalString,
  SMTP_PORT: optionalString,
  SMTP_USER: optionalString,
  SMTP_PASSWORD: optionalString,
  SMTP_FROM: optionalString,
  // Serving several instances behind shared caches (docs/DEPLOY.md).
  CDN_MAX_AGE: z.coerce.number().int("CDN_MAX_AGE must be whole seconds").min(0).max(86_400).default(60),
  CDN_STALE: z.coerce.number().int("CDN_STALE must be whole seconds").min(0).max(86_400).default(30),
  CDN_PURGE_URL: z.url({ protocol: /^https?$/, message: "CDN_PURGE_URL must be an http(s) URL" }).optional().or(z.literal("").transform(() => undefined)),
  CDN_PURGE_SECRET: optionalString,
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0, "TRUSTED_PROXY_HOPS is how many proxies in front append to X-Forwarded-For (0–10)").max(10).default(0),
  CACHE_MAX_MB: z.coerce.number().min(0).max(16_384).default(64),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  LOG_LEVEL: z.enum(["trace", "debug", "info", "warn", "error", "fatal", "silent"]).default("info"),
}).refine((e) => !e.CDN_PURGE_URL || (e.CDN_PURGE_SECRET && e.CDN_PURGE_SECRET.length >= 16), {
  message: "CDN_PURGE_SECRET (16 characters or more) is required with CDN_PURGE_URL: the purge requests are signed with it",
  path: ["CDN_PURGE_SECRET"],
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The typed, validated environment. Read once; a bad value fails with a message naming the variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}
