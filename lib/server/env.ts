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
