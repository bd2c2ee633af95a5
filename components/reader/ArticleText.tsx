import type { CSSProperties } from "react";
import type { PublicAnnotationDTO, TextRange } from "@/lib/domain/types";
import { buildReaderParagraphs, type TextRun } from "@/lib/reader/segments";

/** Plain text as bare strings (no wrapper element, no fragment): the cached page carries this text twice. */
function runs(list: TextRun[]) {
  return list.map((r) => (r.emphasis ? <em key={r.start}>{r.text}</em> : r.text));
}

/**
 * The article, server-rendered, each annotated statement a link to its details (#annotation-<id>): it opens by
 * click, Enter, or Space (see HighlightKeys), and needs no JavaScript.
 */
export function ArticleText({
  text,
  emphasis,
  annotations,
  noteNumbers,
  visible,
}: {
  text: string;
  emphasis: TextRange[];
  annotations: PublicAnnotationDTO[];
  noteNumbers: Map<string, number>;
  /** When given, only these annotations are highlighted; the others read as plain text (a filtered view). */
  visible?: ReadonlySet<string>;
}) {
  const paragraphs = buildReaderParagraphs(text, annotations, emphasis);
  return (
    <div className="article-text space-y-5 font-serif text-[1.13rem] leading-8 text-stone-900">
      {paragraphs.map((p) => (
        <p key={p.start}>
          {p.pieces.map((piece, i) => {
            if (piece.kind === "plain") return runs(piece.runs);
            const a = piece.annotation;
            if (visible && !visible.has(a.id)) return runs(piece.runs);
            const style = { "--status-color": a.status.color } as CSSProperties;
            const tag = `${a.claimType.shortLabel} · ${a.status.label}`;
            if (!piece.first) {
              return (
                <a key={i} href={`#annotation-${a.id}`} className="highlight" style={style} tabIndex={-1} data-continues={a.id} aria-hidden="true">
                  {runs(piece.runs)}
                </a>
              );
            }
            return (
              <a
                key={i}
                id={`h-${a.id}`}
                href={`#annotation-${a.id}`}
                className="highlight"
                style={style}
                data-annotation-id={a.id}
                data-status={a.status.slug}
                data-claim-type={a.claimType.slug}
                data-note={noteNumbers.get(a.id)}
              >
                {runs(piece.runs)}
                <span className="highlight-tag">
                  <span className="sr-only">(</span>
                  {tag}
                  <span className="sr-only">; open details)</span>
                </span>
              </a>
            );
          })}
        </p>
      ))}
    </div>
  );
}
