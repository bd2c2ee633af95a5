import { Markdown } from "@/components/markdown/Markdown";
import type { PublicAnnotationDTO } from "@/lib/domain/types";
import { formatPartialDate, formatTimestampDate } from "@/lib/format/dates";
import type { VerdictChange } from "@/lib/reader/history";
import { ClaimMemoryNote } from "@/components/claims/ClaimMemoryNote";
import { SOURCE_KIND_LABELS, STANCE_LABELS } from "@/lib/vocabulary/labels";
import { WordingChangeNote } from "./CorrectionNotes";

/*
 * Every statement's details are inlined in the cached page (so #annotation-<id> opens them without JavaScript), and
 * Next inlines the rendered tree a second time as its RSC payload: each element and attribute here costs twice per
 * annotation. Hence plain strings instead of wrapper spans, decoration (arrows, ✕) in CSS, and no attribute that
 * only repeats what the markup already says.
 */

/** External links in the details: no referrer, no endorsement. */
const EXT = "nofollow noreferrer";

export function StatusBadge({ label, color }: { label: string; color: string }) {
  return (
    <span className="status-badge" style={{ background: color }}>
      {label}
    </span>
  );
}

/** The statement as a short reminder: the full text is in the article, beside the highlight. */
export function shortQuote(text: string, max = 110): string {
  const chars = Array.from(text.trim());
  if (chars.length <= max) return chars.join("");
  const cut = chars.slice(0, max).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/u, "")}…`;
}

/** "Estonian MFA → Interfax → this article", each hop linked to its source when it has a URL (arrows from CSS). */
export function ProvenancePath({ annotation: a }: { annotation: PublicAnnotationDTO }) {
  const hops = [...a.chain].sort((x, y) => x.position - y.position);
  return (
    <ol className="provenance-path">
      {hops.map((hop, i) => (
        <li key={hop.position}>
          {hop.source.url ? (
            <a href={hop.source.url} rel={EXT}>
              {hop.source.name}
            </a>
          ) : (
            <b>{hop.source.name}</b>
          )}
          <small>
            {` (${i === 0 ? "origin" : "relayed by"}, ${SOURCE_KIND_LABELS[hop.source.kind] ?? hop.source.kind}${hop.source.date ? `, ${formatPartialDate(hop.source.date)}` : ""})`}
          </small>
          {hop.note ? <small className="block">{hop.note}</small> : null}
        </li>
      ))}
      <li>
        <b>this article</b>
      </li>
    </ol>
  );
}

/**
 * The public change history. Only shown when the verdict changed after its first publication: a single
 * "published the verdict X" entry would repeat the reviewed/approved line below.
 */
function VerdictHistory({ history }: { history: VerdictChange[] }) {
  if (!history.some((h) => h.from)) return null;
  return (
    <div data-field="history">
      <h3>Verdict history</h3>
      <ol className="ad-small">
        {history.map((h) => (
          <li key={h.at + h.to.slug}>
            <time dateTime={h.at}>{formatTimestampDate(h.at)}</time>
            {h.from ? (
              <>
                {`: ${h.by ?? "A reviewer"} changed the verdict from `}
                <strong>{h.from.label}</strong>
                {" to "}
                <strong>{h.to.label}</strong>
              </>
            ) : (
              <>
                {`: ${h.by ?? "A reviewer"} published the verdict `}
                <strong>{h.to.label}</strong>
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
  reportHref,
  index,
  open = false,
  closeHref,
  history = [],
  appearances = [],
}: {
  annotation: PublicAnnotationDTO;
  permalink: string;
  /** The "Report a problem" form of this annotation. */
  reportHref?: string;
  index: number;
  open?: boolean;
  /** Where "Close" goes; defaults to the highlight in the text. */
  closeHref?: string;
  history?: VerdictChange[];
  /** Other published articles where the same claim was checked (its claim cluster). */
  appearances?: { annotationId: string; slug: string; title: string }[];
}) {
  const speaker = a.speakerName ?? null;
  const title = `Statement ${index}`;
  return (
    <section id={`annotation-${a.id}`} aria-label={title} className="annotation-details" data-open={open ? "true" : undefined} tabIndex={-1}>
      <div className="ad-head">
        <h2 data-note={index}>{title}</h2>
        <a href={closeHref ?? `#h-${a.id}`} className="no-print ad-close">
          Close
        </a>
      </div>
      <blockquote>{shortQuote(a.quote.exact)}</blockquote>
      {a.wordingChange ? <WordingChangeNote change={a.wordingChange} /> : null}
      <dl>
        <dt>Verdict</dt>
        <dd data-field="status">
          <StatusBadge label={a.status.label} color={a.status.color} />
          {a.status.retired ? <small> (retired status)</small> : null}
        </dd>
        <dt>Claim type</dt>
        <dd data-field="claim-type">{a.claimType.retired ? `${a.claimType.label} (retired type)` : a.claimType.label}</dd>
        <dt>Attribution</dt>
        <dd data-field="attribution">
          {a.attributionText ? `“${a.attributionText}”` : "The article’s own voice"}
          {speaker ? (
            <>
              {" → "}
              <strong>{speaker}</strong>
              {a.speakerRole ? `, ${a.speakerRole}` : null}
            </>
          ) : a.speakerRole ? (
            ` (${a.speakerRole})`
          ) : null}
        </dd>
        <dt>Source chain</dt>
        <dd data-field="chain">{a.chain.length > 0 ? <ProvenancePath annotation={a} /> : "No earlier source recorded: this article is the first appearance."}</dd>
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
                <a href={e.url} rel={EXT}>
                  {e.title || e.url}
                </a>
                {e.archivedUrl ? (
                  <>
                    {" ("}
                    <a href={e.archivedUrl} rel={EXT}>
                      archived copy
                    </a>
                    )
                  </>
                ) : null}
                {e.note ? <small className="block">{e.note}</small> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <VerdictHistory history={history} />
      <ClaimMemoryNote appearances={appearances} chain={a.chain} />
      <p className="ad-small" data-field="review">
        {"Reviewed by "}
        <strong>{a.author.name}</strong>
        {" ("}
        <time dateTime={a.createdAt}>{formatTimestampDate(a.createdAt)}</time>)
        {a.approver ? (
          <>
            {", approved by "}
            <strong>{a.approver.name}</strong>
          </>
        ) : null}
        {a.approvedAt ? (
          <>
            {" on "}
            <time dateTime={a.approvedAt}>{formatTimestampDate(a.approvedAt)}</time>
          </>
        ) : null}
        {". "}
        <a href={permalink} data-field="permalink">
          Permalink
        </a>
        {reportHref ? (
          <>
            {" · "}
            <a href={reportHref} className="no-print" data-field="report" rel="nofollow">
              Report a problem
            </a>
          </>
        ) : null}
      </p>
    </section>
  );
}
