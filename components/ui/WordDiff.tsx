/** A word-level diff as readers see it: deleted words struck through in red, inserted ones underlined in green. */
export function WordDiff({ parts }: { parts: { op: "equal" | "delete" | "insert"; text: string }[] }) {
  return (
    <>
      {parts.map((part, i) =>
        part.op === "equal" ? (
          <span key={i}>{part.text}</span>
        ) : part.op === "delete" ? (
          <del key={i} className="bg-red-100 text-red-900">
            {part.text}
          </del>
        ) : (
          <ins key={i} className="bg-green-100 text-green-900">
            {part.text}
          </ins>
        ),
      )}
    </>
  );
}
