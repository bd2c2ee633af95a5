"use client";

import { useActionState, useEffect, useRef, useState } from "react";
import { publishAction, type SimpleState } from "@/app/review/actions";
import { Notice, buttonClass, dangerButtonClass, secondaryButtonClass } from "./ui";

export function PublishControl({ articleId, version, published, approved }: { articleId: string; version: number; published: boolean; approved: number }) {
  const [state, action, pending] = useActionState<SimpleState, FormData>(publishAction, null);
  const [confirming, setConfirming] = useState(false);
  // The result takes focus: the pressed button is disabled or replaced meanwhile, so focus would be lost.
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state) messageRef.current?.focus();
  }, [state]);
  return (
    <form action={action} className="space-y-2" onSubmit={() => setConfirming(false)}>
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="publish" value={published ? "false" : "true"} />
      {published ? (
        confirming ? (
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span>Readers will no longer see this article.</span>
            <button type="submit" disabled={pending} className={dangerButtonClass}>
              Unpublish
            </button>
            <button type="button" className={secondaryButtonClass} onClick={() => setConfirming(false)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" className={dangerButtonClass} onClick={() => setConfirming(true)}>
            Unpublish…
          </button>
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
