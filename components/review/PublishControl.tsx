"use client";

import { useActionState, useEffect, useRef } from "react";
import { publishAction } from "@/lib/actions/review/articles";
import { useConfirmation } from "@/components/ui/confirm";
import { ActionMessage } from "@/components/ui/Notice";
import { useScopePending } from "@/components/ui/pending";
import { ConfirmButtons } from "@/components/ui/ConfirmButtons";
import { buttonClass, dangerButtonClass, quietDangerButtonClass, secondaryButtonClass } from "@/components/ui/styles";

/**
 * Publish / unpublish. Unpublishing asks first; so does publishing an article with no approved annotation (readers
 * would see it with no sourced statements) — the server refuses that without the confirmation flag too.
 * `approved` = annotations with an approved version (what readers would see).
 */
export function PublishControl({ articleId, version, published, approved }: { articleId: string; version: number; published: boolean; approved: number }) {
  const [state, action, pending] = useActionState(publishAction, null);
  const busy = useScopePending(pending);
  const confirmation = useConfirmation<HTMLParagraphElement>();
  // The result takes focus: the pressed button is disabled or replaced meanwhile, so focus would be lost.
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) messageRef.current?.focus();
  }, [state]);
  const nothingApproved = !published && approved === 0;
  const { confirming, panelRef, openerRef, open, close, cancel } = confirmation;
  return (
    <form action={action} className="max-w-md space-y-2" onSubmit={close} aria-label="Publishing">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="publish" value={published ? "false" : "true"} />
      {published ? (
        confirming ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <p ref={panelRef} tabIndex={-1} className="outline-none">
              Readers will no longer see this article.
            </p>
            <button type="submit" disabled={busy} className={dangerButtonClass}>
              Unpublish
            </button>
            <button type="button" className={secondaryButtonClass} onClick={cancel}>
              Cancel
            </button>
          </div>
        ) : (
          <button ref={openerRef} type="button" disabled={busy} className={quietDangerButtonClass} onClick={open}>
            Unpublish…
          </button>
        )
      ) : nothingApproved ? (
        confirming ? (
          <div className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="publish-empty-confirm">
            <input type="hidden" name="confirmNoApproved" value="yes" />
            <p ref={panelRef} tabIndex={-1} className="outline-none">
              <strong>No annotation in this article is approved.</strong> Readers will see the article with no sourced statements: no highlights, no
              provenance, no verdicts. Publish it anyway?
            </p>
            <ConfirmButtons label="Publish without sourced statements" danger={false} disabled={busy} onCancel={cancel} />
          </div>
        ) : (
          <div className="flex flex-wrap items-center gap-2">
            <button ref={openerRef} type="button" disabled={busy} className={buttonClass} onClick={open}>
              Publish…
            </button>
            <span className="text-xs text-stone-600">No annotation is approved yet.</span>
          </div>
        )
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" disabled={busy} className={buttonClass}>
            Publish
          </button>
          <span className="text-xs text-stone-600">Readers will see the {approved} approved annotation{approved === 1 ? "" : "s"}.</span>
        </div>
      )}
      <div ref={messageRef} tabIndex={-1} className="outline-none">
        <ActionMessage state={state} />
      </div>
    </form>
  );
}
