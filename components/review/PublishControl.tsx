"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { publishAction, type SimpleState } from "@/app/review/actions";
import { Notice, buttonClass, dangerButtonClass, secondaryButtonClass } from "./ui";

/**
 * Publish / unpublish. Unpublishing asks first; so does publishing an article with no approved annotation (readers
 * would see it with no sourced statements) — the server refuses that without the confirmation flag too.
 * `approved` = annotations with an approved version (what readers would see).
 */
export function PublishControl({ articleId, version, published, approved }: { articleId: string; version: number; published: boolean; approved: number }) {
  const [state, action, pending] = useActionState<SimpleState, FormData>(publishAction, null);
  const [confirming, setConfirming] = useState(false);
  // The result takes focus: the pressed button is disabled or replaced meanwhile, so focus would be lost.
  const messageRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLParagraphElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state) messageRef.current?.focus();
  }, [state]);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const cancel = () => {
    setConfirming(false);
    setTimeout(() => openerRef.current?.focus(), 0);
  };
  const nothingApproved = !published && approved === 0;
  return (
    <form action={action} className="max-w-md space-y-2" onSubmit={() => setConfirming(false)} aria-label="Publishing">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="publish" value={published ? "false" : "true"} />
      {published ? (
        confirming ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <p ref={confirmRef} tabIndex={-1} className="outline-none">
              Readers will no longer see this article.
            </p>
            <button type="submit" disabled={pending} className={dangerButtonClass}>
              Unpublish
            </button>
            <button type="button" className={secondaryButtonClass} onClick={cancel}>
              Cancel
            </button>
          </div>
        ) : (
          <button ref={openerRef} type="button" className={dangerButtonClass} onClick={() => setConfirming(true)}>
            Unpublish…
          </button>
        )
      ) : nothingApproved ? (
        confirming ? (
          <div className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950" data-testid="publish-empty-confirm">
            <input type="hidden" name="confirmNoApproved" value="yes" />
            <p ref={confirmRef} tabIndex={-1} className="outline-none">
              <strong>No annotation in this article is approved.</strong> Readers will see the article with no sourced statements: no highlights, no
              provenance, no verdicts. Publish it anyway?
            </p>
            <div className="flex flex-wrap gap-2">
              <button type="submit" disabled={pending} className={buttonClass}>
                Publish without sourced statements
              </button>
              <button type="button" className={secondaryButtonClass} onClick={cancel}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <div className="flex flex-wrap items-center gap-2">
            <button ref={openerRef} type="button" className={buttonClass} onClick={() => setConfirming(true)}>
              Publish…
            </button>
            <span className="text-xs text-stone-600">No annotation is approved yet.</span>
          </div>
        )
      ) : (
        <div className="flex flex-wrap items-center gap-2">
          <button type="submit" disabled={pending} className={buttonClass}>
            Publish
          </button>
          <span className="text-xs text-stone-600">Readers will see the {approved} approved annotation{approved === 1 ? "" : "s"}.</span>
        </div>
      )}
      <div ref={messageRef} tabIndex={-1} className="outline-none">
        {state ? <Notice tone={state.ok ? "success" : "error"}>{state.message}</Notice> : null}
      </div>
    </form>
  );
}
