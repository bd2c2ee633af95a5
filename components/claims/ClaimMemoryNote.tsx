import Link from "next/link";
import type { ProvenanceHopDTO } from "@/lib/domain/types";

/** In the reader's details panel: where else this claim was checked, and each source's page across articles. */
export function ClaimMemoryNote({ appearances, chain }: { appearances: { annotationId: string; slug: string; title: string }[]; chain: ProvenanceHopDTO[] }) {
  const hops = [...chain].sort((x, y) => x.position - y.position);
  if (appearances.length === 0 && hops.length === 0) return null;
  return (
    <div data-field="claim-memory" className="ad-small space-y-1">
      {appearances.length > 0 ? (
        <details>
          <summary>
            Also checked in {appearances.length} {appearances.length === 1 ? "article" : "articles"}
          </summary>
          <ul>
            {appearances.map((a) => (
              <li key={a.annotationId}>
                <Link href={`/articles/${encodeURIComponent(a.slug)}?annotation=${encodeURIComponent(a.annotationId)}`}>{a.title}</Link>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {hops.length > 0 ? (
        <p>
          {"Everything we checked from "}
          {hops.map((h, i) => (
            <span key={h.position}>
              {i > 0 ? (i === hops.length - 1 ? " or " : ", ") : null}
              <Link href={`/sources/${encodeURIComponent(h.source.id)}`}>{h.source.name}</Link>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
