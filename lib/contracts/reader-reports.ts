/**
 * Reader error reports: the typed reasons and states, the limits, and the zod schemas of the report form and of the
 * reviewers' triage forms. Shared by the forms, the actions and the data layer (lib/server/reader-reports.ts).
 */
import { z } from "zod";

export const READER_REPORT_REASONS = ["wrong_verdict", "wrong_attribution", "earlier_source", "dead_evidence_link", "other"] as const;
export type ReaderReportReason = (typeof READER_REPORT_REASONS)[number];

export const REASON_LABELS: Record<ReaderReportReason, string> = {
  wrong_verdict: "The verdict is wrong",
  wrong_attribution: "The attribution is wrong (who said it)",
  earlier_source: "There is an earlier source",
  dead_evidence_link: "An evidence link is dead",
  other: "Something else",
};

export const READER_REPORT_STATES = ["new", "acknowledged", "accepted", "declined"] as const;
export type ReaderReportState = (typeof READER_REPORT_STATES)[number];

export const STATE_LABELS: Record<ReaderReportState, string> = {
  new: "Received, not yet read",
  acknowledged: "Acknowledged: a reviewer is looking into it",
  accepted: "Accepted: we corrected the fact-check",
  declined: "Declined",
};

export const REPORT_MESSAGE_MAX = 4000;
export const REPORT_EMAIL_MAX = 254;
export const REPORT_URL_MAX = 2000;
export const DECLINE_REASON_MAX = 2000;
/** A reporter's email is erased this many days after the report is accepted or declined (docs/SECURITY.md). */
export const EMAIL_RETENTION_DAYS = 180;
export const REPORTS_PAGE_SIZE = 20;

const httpUrl = z
  .string()
  .trim()
  .max(REPORT_URL_MAX, `The address can be at most ${REPORT_URL_MAX} characters.`)
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter a full web address starting with https:// or http://.");

/** The report form, as posted. `website` is the honeypot: hidden from people, filled in by bots. */
export const ReaderReportInputSchema = z
  .object({
    annotationId: z.string().min(1).max(64),
    reason: z.enum(READER_REPORT_REASONS, { error: "Choose what is wrong." }),
    earlierSourceUrl: z.string().trim().max(REPORT_URL_MAX, `The address can be at most ${REPORT_URL_MAX} characters.`).default(""),
    message: z
      .string()
      .trim()
      .min(1, "Tell us what is wrong, in a few words.")
      .max(REPORT_MESSAGE_MAX, `Your message can be at most ${REPORT_MESSAGE_MAX} characters.`),
    email: z
      .string()
      .trim()
      .max(REPORT_EMAIL_MAX, `An email address can be at most ${REPORT_EMAIL_MAX} characters.`)
      .refine((v) => v === "" || z.email().safeParse(v).success, "Enter a valid email address, or leave it empty.")
      .default(""),
    website: z.string().default(""),
  })
  .superRefine((input, ctx) => {
    if (input.reason === "earlier_source" && input.earlierSourceUrl === "") {
      ctx.addIssue({ code: "custom", path: ["earlierSourceUrl"], message: "Give the address of the earlier source." });
    } else if (input.earlierSourceUrl !== "") {
      const checked = httpUrl.safeParse(input.earlierSourceUrl);
      if (!checked.success) ctx.addIssue({ code: "custom", path: ["earlierSourceUrl"], message: checked.error.issues[0].message });
    }
  });
export type ReaderReportInput = z.input<typeof ReaderReportInputSchema>;

const target = { reportId: z.string().min(1).max(64), version: z.coerce.number().int().positive() };

export const TriageInputSchema = z.discriminatedUnion("action", [
  z.object({ action: z.literal("acknowledge"), ...target }),
  z.object({ action: z.literal("accept"), ...target, revisionId: z.string().trim().min(1, "Choose the revision the report led to.").max(64) }),
  z.object({
    action: z.literal("decline"),
    ...target,
    declineReason: z
      .string()
      .trim()
      .min(1, "Give the reason: the reader sees it.")
      .max(DECLINE_REASON_MAX, `The reason can be at most ${DECLINE_REASON_MAX} characters.`),
  }),
]);
export type TriageInput = z.input<typeof TriageInputSchema>;
export type TriageAction = z.output<typeof TriageInputSchema>["action"];

/** What a reviewer sees of one report in the queue (the email included: reviewers may answer the reader). */
export interface QueuedReportDTO {
  id: string;
  version: number;
  state: ReaderReportState;
  reason: ReaderReportReason;
  message: string;
  earlierSourceUrl: string | null;
  email: string | null;
  quote: string;
  annotationId: string | null;
  article: { id: string; slug: string; title: string };
  createdAt: string;
  triagedAt: string | null;
  declineReason: string | null;
  acceptedRevision: { id: string; version: number; createdAt: string } | null;
  /** The annotation's revisions approved since the report, newest first: what "accept" may link. */
  revisions: Array<{ id: string; version: number; createdAt: string; statusSlug: string }>;
}

/** What the reporter's private link shows. Never the email. */
export interface FollowedReportDTO {
  state: ReaderReportState;
  reason: ReaderReportReason;
  message: string;
  earlierSourceUrl: string | null;
  quote: string;
  article: { slug: string; title: string; published: boolean };
  annotationId: string | null;
  createdAt: string;
  updatedAt: string;
  declineReason: string | null;
  acceptedAt: string | null;
}

/** The public counts on /methodology. */
export interface ReaderReportStats {
  received: number;
  accepted: number;
  declined: number;
  /** Median time from a report to its first triage, in ms; null before any report was triaged. */
  medianTriageMs: number | null;
}

/** The report form of one published annotation (a page of its own: the reader page stays cached and script-free). */
export function reportProblemPath(slug: string, annotationId: string): string {
  return `/articles/${encodeURIComponent(slug)}/annotation/${encodeURIComponent(annotationId)}/report`;
}
