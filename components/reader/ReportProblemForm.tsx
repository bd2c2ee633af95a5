"use client";

import { useActionState, useRef } from "react";
import { submitReaderReportAction } from "@/lib/actions/reports/reader-reports";
import { errorsOf, valuesOf } from "@/lib/contracts/forms";
import { EMAIL_RETENTION_DAYS, READER_REPORT_REASONS, REASON_LABELS, REPORT_EMAIL_MAX, REPORT_MESSAGE_MAX, REPORT_URL_MAX } from "@/lib/contracts/reader-reports";
import { ActionMessage } from "@/components/ui/Notice";
import { Field, fieldAria } from "@/components/ui/Field";
import { FieldError } from "@/components/ui/FieldError";
import { firstInvalid, useFocusOnAnswer } from "@/components/ui/focus";
import { buttonClass, inputClass, labelClass } from "@/components/ui/styles";

/**
 * The reader's report form. A plain form posting to a server action, so it works without JavaScript: the server
 * answers with this page again (messages and the reader's text kept) or redirects to the private follow link.
 */
export function ReportProblemForm({ annotationId }: { annotationId: string }) {
  const [state, action, pending] = useActionState(submitReaderReportAction, null);
  const e = errorsOf(state);
  const v = valuesOf(state) ?? {};
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useFocusOnAnswer(state, (s) => (s && !s.ok ? (firstInvalid(formRef.current) ?? messageRef.current) : messageRef.current));
  if (state?.ok) return <ActionMessage state={state} ref={messageRef} testId="report-received" />;
  return (
    // The key remounts the fields with the values the server handed back (React resets a form after its action).
    <form key={JSON.stringify(v)} ref={formRef} action={action} className="space-y-5" noValidate data-testid="report-form">
      <input type="hidden" name="annotationId" value={annotationId} />
      <ActionMessage state={state} ref={messageRef} testId="report-message" />
      <fieldset aria-describedby={e.reason ? "reason-error" : undefined}>
        <legend className={labelClass}>
          What is wrong? <span className="text-stone-600">(required)</span>
        </legend>
        <div className="space-y-1.5">
          {READER_REPORT_REASONS.map((reason) => (
            <label key={reason} className="flex items-center gap-2 text-sm text-stone-900">
              <input type="radio" name="reason" value={reason} defaultChecked={v.reason === reason} required />
              {REASON_LABELS[reason]}
            </label>
          ))}
        </div>
        <FieldError id="reason-error" message={e.reason} />
      </fieldset>
      <Field id="earlierSourceUrl" label="Address of the earlier source" hint="Required when you report an earlier source." error={e.earlierSourceUrl}>
        <input
          id="earlierSourceUrl"
          name="earlierSourceUrl"
          type="url"
          inputMode="url"
          maxLength={REPORT_URL_MAX}
          defaultValue={v.earlierSourceUrl ?? ""}
          placeholder="https://"
          className={inputClass}
          {...fieldAria("earlierSourceUrl", e.earlierSourceUrl, "Required when you report an earlier source.")}
        />
      </Field>
      <Field id="message" label="Tell us what is wrong" required hint={`At most ${REPORT_MESSAGE_MAX} characters. Shown to our reviewers as you typed it.`} error={e.message}>
        <textarea
          id="message"
          name="message"
          rows={6}
          maxLength={REPORT_MESSAGE_MAX}
          required
          defaultValue={v.message ?? ""}
          className={inputClass}
          {...fieldAria("message", e.message, "yes")}
        />
      </Field>
      <Field
        id="email"
        label="Your email (optional)"
        hint={`Only our reviewers see it, to ask you a question if they need to. Never published, and erased ${EMAIL_RETENTION_DAYS} days after your report is closed.`}
        error={e.email}
      >
        <input id="email" name="email" type="email" autoComplete="email" maxLength={REPORT_EMAIL_MAX} defaultValue={v.email ?? ""} className={inputClass} {...fieldAria("email", e.email, "yes")} />
      </Field>
      {/* The honeypot: people never see it; a bot that fills it in is thanked and ignored. */}
      <div className="absolute -left-[10000px] h-px w-px overflow-hidden" aria-hidden="true">
        <label htmlFor="website">Leave this field empty</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      <button type="submit" disabled={pending} className={buttonClass}>
        {pending ? "Sending…" : "Send report"}
      </button>
    </form>
  );
}
