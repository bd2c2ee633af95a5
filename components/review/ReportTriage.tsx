"use client";

import { useActionState, useRef } from "react";
import { triageReportAction } from "@/lib/actions/reports/reader-reports";
import { errorsOf, valuesOf } from "@/lib/contracts/forms";
import { DECLINE_REASON_MAX, type QueuedReportDTO } from "@/lib/contracts/reader-reports";
import { availableTriageActions } from "@/lib/reports/triage";
import { formatTimestampDate } from "@/lib/format/dates";
import { ActionMessage } from "@/components/ui/Notice";
import { Field, fieldAria } from "@/components/ui/Field";
import { firstInvalid, useFocusOnAnswer } from "@/components/ui/focus";
import { buttonClass, inputClass, quietDangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";

/**
 * A report's triage controls: acknowledge, accept (with the approved revision it led to) and decline (with the reason
 * the reader sees). Plain forms: they work without JavaScript too. Success redirects back to the queue.
 */
export function ReportTriage({ report, returnTo }: { report: QueuedReportDTO; returnTo: string }) {
  const [state, action, pending] = useActionState(triageReportAction, null);
  const e = errorsOf(state);
  const v = valuesOf(state) ?? {};
  const rootRef = useRef<HTMLDivElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useFocusOnAnswer(state, () => firstInvalid(rootRef.current) ?? messageRef.current);
  const actions = availableTriageActions(report.state);
  if (actions.length === 0) return null;
  const hidden = (
    <>
      <input type="hidden" name="reportId" value={report.id} />
      <input type="hidden" name="version" value={report.version} />
      <input type="hidden" name="returnTo" value={returnTo} />
    </>
  );
  const id = (name: string) => `${name}-${report.id}`;
  return (
    <div ref={rootRef} className="space-y-3 border-t border-stone-200 pt-3" data-testid="triage">
      <ActionMessage state={state} ref={messageRef} />
      <div className="flex flex-wrap items-start gap-3">
        {actions.includes("acknowledge") ? (
          <form action={action}>
            {hidden}
            <input type="hidden" name="action" value="acknowledge" />
            <button type="submit" disabled={pending} className={secondaryButtonClass}>
              Acknowledge
            </button>
          </form>
        ) : null}
        <form action={action} className="flex flex-wrap items-end gap-2">
          {hidden}
          <input type="hidden" name="action" value="accept" />
          {report.revisions.length > 0 ? (
            <>
              <Field id={id("revision")} label="The revision it led to" error={e.revisionId}>
                <select id={id("revision")} name="revisionId" className={inputClass} defaultValue={report.revisions[0].id} {...fieldAria(id("revision"), e.revisionId)}>
                  {report.revisions.map((r) => (
                    <option key={r.id} value={r.id}>
                      Version {r.version}, approved {formatTimestampDate(r.createdAt)} ({r.statusSlug.replace(/_/g, " ")})
                    </option>
                  ))}
                </select>
              </Field>
              <button type="submit" disabled={pending} className={buttonClass}>
                Accept
              </button>
            </>
          ) : (
            <p className="max-w-sm text-sm text-stone-700">
              To accept, correct the annotation and have it approved: the approved revision then appears here to link.
            </p>
          )}
        </form>
      </div>
      <form key={v.declineReason ?? ""} action={action} className="space-y-2">
        {hidden}
        <input type="hidden" name="action" value="decline" />
        <Field id={id("decline")} label="Reason for declining (the reader sees it)" error={e.declineReason}>
          <textarea
            id={id("decline")}
            name="declineReason"
            rows={2}
            maxLength={DECLINE_REASON_MAX}
            defaultValue={v.declineReason ?? ""}
            className={inputClass}
            {...fieldAria(id("decline"), e.declineReason)}
          />
        </Field>
        <button type="submit" disabled={pending} className={quietDangerButtonClass}>
          Decline
        </button>
      </form>
    </div>
  );
}
