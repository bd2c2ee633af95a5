"use client";

import { useActionState, useRef, useState } from "react";
import { unmergeSourceAction } from "@/lib/actions/admin/sources";
import { ActionMessage } from "@/components/ui/Notice";
import { ConfirmButtons } from "@/components/ui/ConfirmButtons";
import { useFocusOnAnswer } from "@/components/ui/focus";
import { secondaryButtonClass } from "@/components/ui/styles";

/** "Undo merge…", confirmed: moves back exactly what the merge moved (the data layer refuses when it no longer can). */
export function UndoMergeForm({ source, intoName }: { source: { id: string; name: string; version: number }; intoName: string }) {
  const [state, action, pending] = useActionState(unmergeSourceAction, null);
  const [confirming, setConfirming] = useState(false);
  const messageRef = useRef<HTMLDivElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  useFocusOnAnswer(state, () => messageRef.current);
  return (
    <div className="space-y-2">
      {confirming ? (
        <form action={action} onSubmit={() => setConfirming(false)} role="group" aria-label={`Confirm undoing the merge of ${source.name}`} className="space-y-2 rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          <input type="hidden" name="sourceId" value={source.id} />
          <input type="hidden" name="version" value={source.version} />
          <p>
            Undo the merge? The chain hops it moved go back from “{intoName}” to “{source.name}”, and “{source.name}” gets its own page again.
          </p>
          <ConfirmButtons
            label="Yes, undo the merge"
            danger={false}
            autoFocus
            disabled={pending}
            onCancel={() => {
              setConfirming(false);
              setTimeout(() => openerRef.current?.focus(), 0);
            }}
          />
        </form>
      ) : (
        <button type="button" ref={openerRef} className={secondaryButtonClass} disabled={pending} onClick={() => setConfirming(true)}>
          Undo merge…
        </button>
      )}
      <ActionMessage state={state} ref={messageRef} testId={`undo-message-${source.id}`} />
    </div>
  );
}
