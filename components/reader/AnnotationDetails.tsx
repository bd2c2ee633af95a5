import { Markdown } from "@/components/markdown/Markdown";
import type { PublicAnnotationDTO } from "@/lib/domain/types";
import { formatPartialDate, formatTimestampDate } from "@/lib/format/dates";
import type { VerdictChange } from "@/lib/reader/history";
import { SOURCE_KIND_LABELS, STANCE_LABELS } from "@/lib/vocabulary/labels";

export function StatusBadge({ label, color }: { label: string; color: string }) {
  return (
    <span className="status-badge" style={{ background: color }}>
      {label}
    </span>
  );
}

/** "Estonian MFA → Interfax → this article", each hop linked to its source when it has a URL. */
export function ProvenancePath({ annotation: a }: { annotation: PublicAnnotationDTO }) {
  const hops = [...a.chain].sort((x, y) => x.position - y.position);
  return (
    <ol className="provenance-path" aria-label="Provenance chain, from the original source to this article">
      {hops.map((hop, i) => (
        <li key={hop.position}>
          {hop.source.url ? (
            <a href={hop.source.url} rel="noopener noreferrer nofollow" target="_blank">
              {hop.source.name}
            </a>
          ) : (
            <b>{hop.source.name}</b>
          )}
          <small>
            {" "}
            ({i === 0 ? "origin, " : "relayed by, "}
            {SOURCE_KIND_LABELS[hop.source.kind] ?? hop.source.kind}
            {hop.source.date ? `, ${formatPartialDate(hop.source.date)}` : ""})
          </small>
          {hop.note ? <small className="block">{hop.note}</small> : null}
          <span aria-hidden="true" className="provenance-arrow">
            →
          </span>
        </li>
      ))}
      <li>
        <b>this article</b>
      </li>
    </ol>
  );
}

function VerdictHistory({ history }: { history: VerdictChange[] }) {
  if (history.length === 0) return null;
  return (
    <div data-field="history">
      <h3>Verdict history</h3>
      <ol className="ad-small">
        {history.map((h) => (
          <li key={h.at + h.to.slug}>
            <time dateTime={h.at}>{formatTimestampDate(h.at)}</time>:{" "}
            {h.from ? (
              <>
                {h.by ?? "A reviewer"} changed the verdict from <strong>{h.from.label}</strong> to <strong>{h.to.label}</strong>
              </>
            ) : (
              <>
                {h.by ?? "A reviewer"} published the verdict <strong>{h.to.label}</strong>
              </>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

/**
 * The details of one annotation, as readers see them. Shown when its id is the URL fragment (:target), or when the
 * page was asked for it (`?annotation=<id>` → `open`), without JavaScript either way.
 */
export function AnnotationDetails({
  annotation: a,
  permalink,
  index,
  open = false,
  closeHref,
  history = [],
}: {
  annotation: PublicAnnotationDTO;
  permalink: string;
  index: number;
  open?: boolean;
  /** Where "Close" goes; defaults to the highlight in the text. */
  closeHref?: string;
  history?: VerdictChange[];
}) {
  const speaker = a.speakerName ?? null;
  return (
    <section
      id={`annotation-${a.id}`}
      aria-labelledby={`annotation-${a.id}-title`}
      className="annotation-details"
      data-details-for={a.id}
      data-open={open ? "true" : undefined}
      tabIndex={-1}
    >
      <div className="ad-head">
        <h2 id={`annotation-${a.id}-title`} data-note={index}>
          Statement {index}
        </h2>
        <a href={closeHref ?? `#h-${a.id}`} className="no-print ad-close" aria-label="Close details and return to the text">
          Close ✕
        </a>
      </div>
      <blockquote>{a.quote.exact}</blockquote>
      <dl>
        <dt>Verdict</dt>
        <dd data-field="status">
          <StatusBadge label={a.status.label} color={a.status.color} />
          {a.status.retired ? <small> (retired status)</small> : null}
        </dd>
        <dt>Claim type</dt>
        <dd data-field="claim-type">
          {a.claimType.label}
          {a.claimType.retired ? <small> (retired type)</small> : null}
        </dd>
        <dt>Attribution</dt>
        <dd data-field="attribution">
          {a.attributionText ? <span>“{a.attributionText}”</span> : <span>The article’s own voice</span>}
          {speaker ? (
            <span>
              {" "}→ <strong>{speaker}</strong>
              {a.speakerRole ? <span>, {a.speakerRole}</span> : null}
            </span>
          ) : a.speakerRole ? (
            <span> ({a.speakerRole})</span>
          ) : null}
        </dd>
        <dt>Source chain</dt>
        <dd data-field="chain">
          {a.chain.length > 0 ? <ProvenancePath annotation={a} /> : <span>No earlier source recorded: this article is the first appearance.</span>}
        </dd>
        <dt>Claim date</dt>
        <dd data-field="claim-date">{formatPartialDate(a.claimDate) ?? "Unknown"}</dd>
      </dl>
      {a.rationale ? (
        <div>
          <h3>Rationale</h3>
          <Markdown source={a.rationale} className="ad-md" />
        </div>
      ) : null}
      {a.evidence.length > 0 ? (
        <div data-field="evidence">
          <h3>Evidence</h3>
          <ul>
            {a.evidence.map((e) => (
              <li key={e.position}>
                <span className={`stance stance-${e.stance}`}>{STANCE_LABELS[e.stance]}</span>
                <a href={e.url} rel="noopener noreferrer nofollow" target="_blank">
                  {e.title || e.url}
                </a>
                {e.archivedUrl ? (
                  <>
                    {" "}
                    (<a href={e.archivedUrl} rel="noopener noreferrer nofollow" target="_blank">archived copy</a>)
                  </>
                ) : null}
                {e.note ? <p className="ad-small">{e.note}</p> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <VerdictHistory history={history} />
      <p className="ad-small" data-field="review">
        Reviewed by <strong>{a.author.name}</strong> (<time dateTime={a.createdAt}>{formatTimestampDate(a.createdAt)}</time>)
        {a.approver ? (
          <>
            , approved by <strong>{a.approver.name}</strong>
          </>
        ) : null}
        {a.approvedAt ? (
          <>
            {" "}
            on <time dateTime={a.approvedAt}>{formatTimestampDate(a.approvedAt)}</time>
          </>
        ) : null}
        .{" "}
        <a href={permalink} data-field="permalink">
          Permalink
        </a>
      </p>
    </section>
  );
}
