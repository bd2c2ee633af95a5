"use client";

import { useActionState } from "react";
import { decideClaimAction, undoClaimAction } from "@/lib/actions/claims/links";
import { ActionMessage } from "@/components/ui/Notice";
import { useScopePending } from "@/components/ui/pending";
import { secondaryButtonClass } from "@/components/ui/styles";

/** One small form per decision: "Same claim", "Different claim" or "Undo". */
export function ClaimDecisionButton({
  articleId,
  annotationId,
  otherAnnotationId,
  relation,
  label,
  copyChain = false,
  version,
}: {
  articleId: string;
  annotationId: string;
  otherAnnotationId: string;
  relation: "same" | "different" | "undo";
  label: string;
  /** With "same": also copy the earlier annotation's chain and evidence into this one's draft. */
  copyChain?: boolean;
  /** The open annotation's version (a copy into a working copy changed meanwhile is refused). */
  version?: number;
}) {
  const [state, action, pending] = useActionState(relation === "undo" ? undoClaimAction : decideClaimAction, null);
  const busy = useScopePending(pending);
  return (
    <form action={action} className="inline-block">
      <input type="hidden" name="articleId" value={articleId} />
      <input type="hidden" name="annotationId" value={annotationId} />
      <input type="hidden" name="otherAnnotationId" value={otherAnnotationId} />
      {relation !== "undo" ? <input type="hidden" name="relation" value={relation} /> : null}
      {copyChain ? <input type="hidden" name="copyChain" value="1" /> : null}
      {version !== undefined ? <input type="hidden" name="version" value={version} /> : null}
      <button type="submit" disabled={busy} className={secondaryButtonClass}>
        {label}
      </button>
      {state && !state.ok ? <ActionMessage state={state} /> : null}
    </form>
  );
}
