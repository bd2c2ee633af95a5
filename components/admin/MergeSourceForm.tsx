"use client";

import { useActionState, useRef } from "react";
import { useRouter } from "next/navigation";
import { mergeSourceAction } from "@/lib/actions/admin/sources";
import { ActionMessage } from "@/components/ui/Notice";
import { ConfirmButtons } from "@/components/ui/ConfirmButtons";
import { useFocusOnAnswer } from "@/components/ui/focus";

/** The last step of a merge, after its preview: both versions as seen, so a merge changed meanwhile is refused. */
export function MergeSourceForm({ source, into }: { source: { id: string; name: string; version: number }; into: { id: string; name: string; version: number } }) {
  const [state, action, pending] = useActionState(mergeSourceAction, null);
  const router = useRouter();
  const messageRef = useRef<HTMLDivElement>(null);
  useFocusOnAnswer(state, () => messageRef.current);
  return (
    <form action={action} className="space-y-3" aria-label={`Confirm merging ${source.name} into ${into.name}`}>
      <input type="hidden" name="sourceId" value={source.id} />
      <input type="hidden" name="sourceVersion" value={source.version} />
      <input type="hidden" name="intoId" value={into.id} />
      <input type="hidden" name="intoVersion" value={into.version} />
      <ActionMessage state={state} ref={messageRef} testId="merge-message" />
      <ConfirmButtons label={pending ? "Merging…" : `Merge “${source.name}” into “${into.name}”`} danger={false} disabled={pending} onCancel={() => router.push("/admin/sources")} />
    </form>
  );
}
