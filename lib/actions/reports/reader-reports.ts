"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { createReaderReport, triageReport } from "@/lib/server/reader-reports";
import { env } from "@/lib/server/env";
import { clientAddress } from "@/lib/http/client-address";
import { ReaderReportInputSchema, TriageInputSchema } from "@/lib/contracts/reader-reports";
import { defineAction, formString } from "../kit";
import { ActionRefusal } from "../errors";

const READER_WORDING = {
  unauthenticated: "Please try again.",
  forbidden: null,
  invalid: "Some fields need attention: see the messages next to them. Your text is still in the form.",
};

/**
 * A reader's report, from a plain form that works without JavaScript (the action's no-JS form post). On success the
 * reader is sent to their private follow link; a filled-in honeypot gets a thank-you and nothing is stored.
 */
export const submitReaderReportAction = defineAction(
  ReaderReportInputSchema,
  async (input, { actor }): Promise<{ message: string }> => {
    const address = clientAddress(await headers(), env().TRUSTED_PROXY_HOPS);
    const result = await createReaderReport(actor, input, { clientAddress: address });
    if (result.kind === "rate_limited") throw new ActionRefusal(result.message);
    if (result.kind === "discarded") return { message: "Thank you: your report was received." };
    redirect(`/reports/${result.token}?sent=1`);
  },
  {
    actor: "reader",
    wording: READER_WORDING,
    read: (form) => ({
      annotationId: formString(form, "annotationId"),
      reason: formString(form, "reason"),
      earlierSourceUrl: formString(form, "earlierSourceUrl"),
      message: formString(form, "message"),
      email: formString(form, "email"),
      website: formString(form, "website"),
    }),
    echo: (form) => ({
      reason: formString(form, "reason"),
      earlierSourceUrl: formString(form, "earlierSourceUrl"),
      message: formString(form, "message"),
      email: formString(form, "email"),
    }),
  },
);

/** Where the queue was (its filter and page), checked so that the redirect stays on the queue. */
function queueReturn(form: FormData): string {
  const back = formString(form, "returnTo");
  return /^\/review\/reports(\?[A-Za-z0-9=&_-]*)?$/.test(back) ? back : "/review/reports";
}

/** A reviewer acknowledges, accepts or declines a report; back on the queue, the page says what was done. */
export const triageReportAction = defineAction(
  TriageInputSchema,
  async (input, { actor, form }): Promise<{ message: string }> => {
    await triageReport(actor, input);
    revalidatePath("/review/reports");
    revalidatePath("/review");
    const back = queueReturn(form);
    redirect(`${back}${back.includes("?") ? "&" : "?"}done=${input.action}`);
  },
  { actor: "reviewer", echo: (form) => ({ declineReason: formString(form, "declineReason") }) },
);
