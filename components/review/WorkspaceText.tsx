import type { TextRange } from "@/lib/domain/types";
import { buildReaderParagraphs, type TextRun } from "@/lib/reader/segments";
import type { WorkspaceStatementDTO } from "@/lib/contracts/workspace";
import { WORKFLOW_LABELS } from "@/lib/workflow/transitions";

/** Every text node sits in an element carrying its canonical offset (data-start), so a mouse selection maps back exactly. */
function Runs({ runs }: { runs: TextRun[] }) {
  return (
    <>
      {runs.map((r) =>
        r.emphasis ? (
          <em key={r.start} data-start={r.start}>
            {r.text}
          </em>
        ) : (
          <span key={r.start} data-start={r.start}>
            {r.text}
          </span>
        ),
      )}
    </>
  );
}

type Ranged = WorkspaceStatementDTO & TextRange;

/**
 * The article with every statement marked: one focusable element per statement (data-statement-id), coloured by
 * the workflow state of its annotation. Linear in the text length plus the number of statements. With `range`, only
 * the paragraphs starting in it (one page of a long article; offsets stay those of the whole text).
 */
export function WorkspaceText({ text, emphasis, statements, selectedId, range }: { text: string; emphasis: TextRange[]; statements: Ranged[]; selectedId: string | null; range?: TextRange }) {
  const paragraphs = buildReaderParagraphs(text, statements, emphasis, range);
  return (
    <div className="space-y-4 font-serif text-[1.05rem] leading-8 text-stone-900">
      {paragraphs.map((p) => (
        <p key={p.start} data-start={p.start}>
          {p.pieces.map((piece, i) => {
            if (piece.kind === "plain") return <Runs key={i} runs={piece.runs} />;
            const s = piece.annotation;
            const state = s.annotation?.workflowState ?? "none";
            const selected = s.id === selectedId;
            const pendingRemoval = s.annotation?.pendingRemoval || undefined;
            const label = s.annotation
              ? `${s.annotation.claimTypeShort}, ${s.annotation.statusLabel}, ${WORKFLOW_LABELS[s.annotation.workflowState]}${pendingRemoval ? ", removal requested" : ""}`
              : "not annotated";
            if (!piece.first) {
              return (
                <span key={i} className="ws-statement" data-state={state} data-selected={selected || undefined} data-pending-removal={pendingRemoval} data-continues={s.id}>
                  <Runs runs={piece.runs} />
                </span>
              );
            }
            return (
              <span
                key={i}
                role="button"
                tabIndex={0}
                className="ws-statement"
                data-statement-id={s.id}
                data-state={state}
                data-selected={selected || undefined}
                data-pending-removal={pendingRemoval}
                aria-pressed={selected}
                aria-label={undefined}
                title={label}
              >
                <Runs runs={piece.runs} />
                {s.annotation ? (
                  <span className="ws-tag" aria-hidden="true">
                    {s.annotation.claimTypeShort}
                  </span>
                ) : null}
                <span className="sr-only"> ({label})</span>
              </span>
            );
          })}
        </p>
      ))}
    </div>
  );
}
