import { z } from "zod";
import { isHexColor, normalizeHex } from "@/lib/vocabulary/contrast";

/** Zod schemas for the admin area: people, invitations, vocabularies and the audit log filters. */

export const ROLES = ["admin", "reviewer"] as const;
export const VOCABULARY_KINDS = ["claim_type", "verification_status"] as const;
export type VocabularyKind = (typeof VOCABULARY_KINDS)[number];

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

const id = z.string().trim().min(1, "Missing id.").max(64);
const version = z.coerce.number({ message: "Missing version." }).int().min(1);
const trimmed = (label: string, max: number) =>
  z.string({ message: `${label} is required.` }).trim().min(1, `${label} is required.`).max(max, `${label} must be at most ${max} characters.`);

export const EmailSchema = z
  .string({ message: "Email is required." })
  .trim()
  .toLowerCase()
  .min(1, "Email is required.")
  .max(320, "Email is too long.")
  .pipe(z.email({ message: "Enter a valid email address." }));

/** A problem with a new password, or null: at least 12 characters, and not containing the email (or its local part). */
export function passwordProblem(password: string, email: string): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`;
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`;
  const p = password.toLowerCase();
  const e = email.trim().toLowerCase();
  const local = e.split("@")[0] ?? "";
  if (e && p.includes(e)) return "The password must not contain your email address.";
  if (local.length >= 3 && p.includes(local)) return "The password must not contain your email address (or its name part).";
  return null;
}

export const InviteUserSchema = z.object({
  email: EmailSchema,
  name: trimmed("Name", 120),
  role: z.enum(ROLES, { message: "Choose a role." }).default("reviewer"),
});
export type InviteUserInput = z.input<typeof InviteUserSchema>;

export const ChangeRoleSchema = z.object({ userId: id, role: z.enum(ROLES, { message: "Choose a role." }), version });
export const UserVersionSchema = z.object({ userId: id, version });
export const UserIdSchema = z.object({ userId: id });

export const InvitationTokenSchema = z.string().trim().regex(/^[A-Za-z0-9_-]{32,128}$/, "This link is not valid.");

export const AcceptInvitationSchema = z
  .object({
    token: InvitationTokenSchema,
    password: z.string({ message: "Enter a password." }).min(1, "Enter a password.").max(PASSWORD_MAX_LENGTH),
    confirm: z.string({ message: "Repeat the password." }),
  })
  .refine((v) => v.password === v.confirm, { message: "The two passwords do not match.", path: ["confirm"] });

const color = z
  .string({ message: "Colour is required." })
  .trim()
  .refine(isHexColor, "Use a hex colour such as #fde68a.")
  .transform(normalizeHex);

const rating = z
  .union([z.literal(""), z.null(), z.coerce.number().int().min(1).max(5)], { message: "Rating is 1 (false) to 5 (true), or none." })
  .optional()
  .transform((v) => (v === "" || v === undefined ? null : v));

const vocabularyFields = {
  label: trimmed("Label", 80),
  shortLabel: z.string().trim().max(24, "Short label must be at most 24 characters.").optional().default(""),
  description: z.string().trim().max(500, "Description must be at most 500 characters.").optional().default(""),
  color,
  rating,
};

export const CreateVocabularySchema = z.object({ kind: z.enum(VOCABULARY_KINDS), ...vocabularyFields });
export const UpdateVocabularySchema = z.object({ kind: z.enum(VOCABULARY_KINDS), id, version, ...vocabularyFields });
export const MoveVocabularySchema = z.object({ kind: z.enum(VOCABULARY_KINDS), id, version, direction: z.enum(["up", "down"]) });
export const RetireVocabularySchema = z.object({
  kind: z.enum(VOCABULARY_KINDS),
  id,
  version,
  retired: z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]),
});
export const DeleteVocabularySchema = z.object({ kind: z.enum(VOCABULARY_KINDS), id, version });

export type CreateVocabularyInput = z.input<typeof CreateVocabularySchema>;
export type UpdateVocabularyInput = z.input<typeof UpdateVocabularySchema>;

const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date such as 2026-01-31.")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "Not a real date.");

const optionalFilter = (schema: z.ZodType<string>) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

/** The audit log's filters (from the query string) and cursor. */
export const AuditFilterSchema = z
  .object({
    actor: optionalFilter(z.string().trim().max(320)),
    entityType: optionalFilter(z.string().trim().max(64).regex(/^[a-z_]+$/, "Unknown entity type.")),
    action: optionalFilter(z.string().trim().max(100).regex(/^[a-z_.]+$/, "Unknown action.")),
    from: optionalFilter(isoDate),
    to: optionalFilter(isoDate),
    cursor: optionalFilter(z.string().trim().max(200).regex(/^[A-Za-z0-9_-]+$/, "Bad page link.")),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: "The start date is after the end date.", path: ["to"] });
export type AuditFilter = z.output<typeof AuditFilterSchema>;

/** Sources (duplicate merge). The list's search and page; a merge names both rows with the versions the admin saw. */
export const SourceListQuerySchema = z.object({
  q: z.string().trim().max(200, "Search at most 200 characters.").catch(""),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type SourceListQuery = z.output<typeof SourceListQuerySchema>;

export const MergeSourceSchema = z.object({ sourceId: id, sourceVersion: version, intoId: id, intoVersion: version });
export type MergeSourceInput = z.input<typeof MergeSourceSchema>;
export const UnmergeSourceSchema = z.object({ sourceId: id, version });
export type UnmergeSourceInput = z.input<typeof UnmergeSourceSchema>;
