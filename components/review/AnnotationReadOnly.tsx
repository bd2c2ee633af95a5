import type { CSSProperties } from "react";
import type { ClaimTypeDTO, VerificationStatusDTO } from "@/lib/domain/types";
import type { AnnotationFormValues } from "@/lib/contracts/workspace";
import { SOURCE_KIND_LABELS, STANCE_LABELS } from "@/lib/vocabulary/labels";
import { formatPartialDate } from "@/lib/format/dates";
import { Markdown } from "@/components/markdown/Markdown";

const label = <K extends string>(labels: Record<K, string>, key: string) => labels[key as K] ?? key;
const dt = "text-xs font-semibold uppercase tracking-wide text-stone-600";

/** An annotation as readers see it (verdict, attribution, chain, evidence, rationale), shown before "Edit". */
export function AnnotationReadOnly({ values, claimTypes, statuses }: { values: AnnotationFormValues; claimTypes: ClaimTypeDTO[]; statuses: VerificationStatusDTO[] }) {
  const status = statuses.find((s) => s.slug === values.statusSlug);
  const type = claimTypes.find((t) => t.slug === values.claimTypeSlug);
  const speaker = [values.speakerName, values.speakerRole].filter(Boolean).join(", ");
  return (
    <dl className="space-y-3 text-sm text-stone-900" data-testid="annotation-read-only">
      <div>
        <dt className={dt}>Verdict</dt>
        <dd data-field="status" className="mt-0.5 flex items-center gap-2 font-semibold">
          <span aria-hidden="true" className="inline-block h-3 w-3 rounded-sm border border-stone-500" style={{ background: status?.color } as CSSProperties} />
          {status?.label ?? values.statusSlug}
        </dd>
      </div>
      <div>
        <dt className={dt}>Claim type</dt>
        <dd data-field="claim-type">{type?.label ?? (values.claimTypeSlug || "Not chosen")}</dd>
      </div>
      <div>
        <dt className={dt}>Attribution</dt>
        <dd data-field="attribution">
          {values.attributionText ? <q className="font-serif">{values.attributionText}</q> : null}
          {values.attributionText && speaker ? " — " : null}
          {speaker || (values.attributionText ? null : "Not recorded")}
          {values.claimDate ? <span className="text-stone-700"> · {formatPartialDate(values.claimDate) ?? values.claimDate}</span> : null}
        </dd>
      </div>
      <div>
        <dt className={dt}>Provenance chain</dt>
        <dd data-field="chain">
          {values.chain.length === 0 ? (
            "No hops recorded."
          ) : (
            <ol className="list-decimal space-y-0.5 pl-5">
              {values.chain.map((hop, i) => (
                <li key={i}>
                  {hop.url ? (
                    <a href={hop.url} rel="noopener noreferrer nofollow" className="text-blue-800 underline">
                      {hop.name}
                    </a>
                  ) : (
                    hop.name
                  )}
                  <span className="text-stone-700">
                    {` (${i === 0 ? "origin" : "relayed by"}, ${label(SOURCE_KIND_LABELS, hop.kind)}${hop.date ? `, ${formatPartialDate(hop.date) ?? hop.date}` : ""})`}
                  </span>
                </li>
              ))}
            </ol>
          )}
        </dd>
      </div>
      <div>
        <dt className={dt}>Rationale</dt>
        <dd data-field="rationale">{values.rationale.trim() ? <Markdown source={values.rationale} /> : "No rationale yet."}</dd>
      </div>
      <div>
        <dt className={dt}>Evidence</dt>
        <dd data-field="evidence">
          {values.evidence.length === 0 ? (
            "No evidence links."
          ) : (
            <ul className="space-y-0.5">
              {values.evidence.map((ev, i) => (
                <li key={i}>
                  <span className={`stance-${ev.stance} mr-1 rounded px-1 text-xs font-semibold`}>{label(STANCE_LABELS, ev.stance)}</span>
                  <a href={ev.url} rel="noopener noreferrer nofollow" className="text-blue-800 underline">
                    {ev.title || ev.url}
                  </a>
                  {ev.archivedUrl ? (
                    <>
                      {" "}
                      (
                      <a href={ev.archivedUrl} rel="noopener noreferrer nofollow" className="text-blue-800 underline">
                        archived copy
                      </a>
                      )
                    </>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </div>
    </dl>
  );
}
