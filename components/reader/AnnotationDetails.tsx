import { Markdown } from "@/components/markdown/Markdown";
import type { PublicAnnotationDTO } from "@/lib/domain/types";
import { formatPartialDate, formatTimestampDate } from "@/lib/format/dates";
import { SOURCE_KIND_LABELS, STANCE_LABELS } from "@/lib/vocabulary/labels";

export function StatusBadge({ label, color }: { label: string; color: string }) {
  return (
    <span className="inline-flex items-center rounded border border-stone-500 px-1.5 py-0.5 text-xs font-semibold text-stone-900" style={{ background: color }}>
      {label}
    </span>
  );
}

/** The details of one annotation, as readers see them. Shown when its id is the URL fragment (:target). */
export function AnnotationDetails({ annotation: a, permalink, index }: { annotation: PublicAnnotationDTO; permalink: string; index: number }) {
  const speaker = a.speakerName ?? null;
  return (
    <section
      id={`annotation-${a.id}`}
      aria-labelledby={`annotation-${a.id}-title`}
      className="annotation-details rounded-lg border border-stone-300 bg-white p-4 text-sm shadow-sm"
      data-details-for={a.id}
      tabIndex={-1}
    >
      <div className="mb-3 flex items-start justify-between gap-2">
        <h2 id={`annotation-${a.id}-title`} className="text-base font-semibold text-stone-900">
          Statement {index}
        </h2>
        <a href={`#h-${a.id}`} className="no-print rounded px-2 text-stone-600 hover:bg-stone-100" aria-label="Close details and return to the text">
          Close ✕
        </a>
      </div>
      <blockquote className="mb-3 border-l-4 border-stone-300 pl-3 font-serif text-stone-800">{a.quote.exact}</blockquote>
      <dl className="grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-3 gap-y-2 break-words">
        <dt className="font-medium text-stone-600">Verdict</dt>
        <dd data-field="status">
          <StatusBadge label={a.status.label} color={a.status.color} />
          {a.status.retired ? <span className="ml-2 text-xs text-stone-600">(retired status)</span> : null}
        </dd>
        <dt className="font-medium text-stone-600">Claim type</dt>
        <dd data-field="claim-type">
          {a.claimType.label}
          {a.claimType.retired ? <span className="ml-2 text-xs text-stone-600">(retired type)</span> : null}
        </dd>
        <dt className="font-medium text-stone-600">Attribution</dt>
        <dd data-field="attribution">
          {a.attributionText ? <span>“{a.attributionText}”</span> : <span>The article’s own voice</span>}
          {speaker ? (
            <span>
              {" "}→ <strong>{speaker}</strong>
              {a.speakerRole ? <span>, {a.speakerRole}</span> : null}
            </span>
          ) : null}
        </dd>
        <dt className="font-medium text-stone-600">Source chain</dt>
        <dd data-field="chain">
          <ol className="space-y-1" aria-label="Provenance chain, from the original speaker to this article">
            {a.chain.map((hop) => (
              <li key={hop.position}>
                {hop.source.url ? (
                  <a href={hop.source.url} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-800 underline">
                    {hop.source.name}
                  </a>
                ) : (
                  <span>{hop.source.name}</span>
                )}
                <span className="text-xs text-stone-600">
                  {" "}
                  ({SOURCE_KIND_LABELS[hop.source.kind] ?? hop.source.kind}
                  {hop.source.date ? `, ${formatPartialDate(hop.source.date)}` : ""})
                </span>
                {hop.note ? <span className="block text-xs text-stone-600">{hop.note}</span> : null}
                <span aria-hidden="true" className="block text-stone-500">↓</span>
              </li>
            ))}
            <li className="font-medium">this article</li>
          </ol>
        </dd>
        <dt className="font-medium text-stone-600">Claim date</dt>
        <dd data-field="claim-date">{formatPartialDate(a.claimDate) ?? "Unknown"}</dd>
      </dl>
      {a.rationale ? (
        <div className="mt-3">
          <h3 className="mb-1 font-medium text-stone-600">Rationale</h3>
          <Markdown source={a.rationale} />
        </div>
      ) : null}
      {a.evidence.length > 0 ? (
        <div className="mt-3">
          <h3 className="mb-1 font-medium text-stone-600">Evidence</h3>
          <ul className="space-y-1.5">
            {a.evidence.map((e) => (
              <li key={e.position}>
                <span className="mr-1 rounded bg-stone-100 px-1 text-xs font-semibold uppercase text-stone-700">{STANCE_LABELS[e.stance]}</span>
                <a href={e.url} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-800 underline">
                  {e.title || e.url}
                </a>
                {e.archivedUrl ? (
                  <>
                    {" "}
                    (<a href={e.archivedUrl} rel="noopener noreferrer nofollow" target="_blank" className="text-blue-800 underline">archived copy</a>)
                  </>
                ) : null}
                {e.note ? <p className="text-xs text-stone-600">{e.note}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="mt-3 text-xs text-stone-600">
        Reviewed by {a.author.name}
        {a.approver ? `, approved by ${a.approver.name}` : ""}
        {a.approvedAt ? ` on ${formatTimestampDate(a.approvedAt)}` : ""}.{" "}
        <a href={permalink} className="text-blue-800 underline" data-field="permalink">
          Permalink
        </a>
      </p>
    </section>
  );
}
