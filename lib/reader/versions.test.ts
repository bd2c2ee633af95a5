import { describe, expect, it } from "vitest";
import { standingOnVersion, type ArticleVersionInput, type RevisionRowInput } from "./versions";

const V1 = "Alpha said one thing. Beta said another. Gamma said a third.";
// Correction 1 → 2: a paragraph inserted above (everything moves), Beta's sentence reworded, Gamma's removed.
const V2 = "Editor's note. Alpha said one thing. Beta claimed another. ";
// Correction 2 → 3: text appended at the end (Alpha's and Beta's statements stay where they are: unchanged).
const V3 = `${V2}Delta said more.`;

const versions: ArticleVersionInput[] = [
  { revision: 1, text: V1, createdAt: "2026-01-01T00:00:00.000Z", replacedAt: "2026-02-01T00:00:00.000Z" },
  { revision: 2, text: V2, createdAt: "2026-02-01T00:00:00.000Z", replacedAt: "2026-03-01T00:00:00.000Z" },
  { revision: 3, text: V3, createdAt: "2026-03-01T00:00:00.000Z", replacedAt: null },
];

const span = (text: string, quote: string) => ({ start: text.indexOf(quote), end: text.indexOf(quote) + quote.length });
let version = 0;
const row = (event: string, articleRevision: number, at: string, s: { start: number; end: number }, extra: Record<string, unknown> = {}): RevisionRowInput & { tag?: string } => ({
  version: ++version,
  event,
  articleRevision,
  createdAt: at,
  ...s,
  ...extra,
});

describe("standingOnVersion", () => {
  it("nothing stands on a version replaced before the first approval (a draft, a pending review)", () => {
    const rows = [row("created", 1, "2026-01-02T00:00:00.000Z", span(V1, "Alpha said one thing.")), row("approved", 2, "2026-02-10T00:00:00.000Z", span(V2, "Alpha said one thing."))];
    expect(standingOnVersion(rows, versions, 1)).toBeNull();
    expect(standingOnVersion(rows, versions, 2)?.kind).toBe("shown");
  });

  it("each version shows the verdict approved last while it was current; a later approval never leaks back", () => {
    const rows = [
      row("approved", 1, "2026-01-05T00:00:00.000Z", span(V1, "Alpha said one thing."), { tag: "first" }),
      row("moved", 2, "2026-02-01T00:00:00.000Z", span(V2, "Alpha said one thing.")),
      row("submitted", 2, "2026-02-05T00:00:00.000Z", span(V2, "Alpha said one thing.")),
      row("approved", 2, "2026-02-06T00:00:00.000Z", span(V2, "Alpha said one thing."), { tag: "second" }),
    ];
    const on1 = standingOnVersion(rows, versions, 1);
    expect(on1).toMatchObject({ kind: "shown", approval: { tag: "first" }, ...span(V1, "Alpha said one thing."), wordingChange: null });
    const on2 = standingOnVersion(rows, versions, 2);
    expect(on2).toMatchObject({ kind: "shown", approval: { tag: "second" }, ...span(V2, "Alpha said one thing.") });
    // Version 3: no correction row (unchanged), the span recorded on version 2 still holds the same text.
    expect(standingOnVersion(rows, versions, 3)).toMatchObject({ kind: "shown", approval: { tag: "second" }, ...span(V3, "Alpha said one thing.") });
  });

  it("a reworded statement shows the earlier verdict on the new wording, marked as changed, until it is approved again", () => {
    const rows = [
      row("approved", 1, "2026-01-05T00:00:00.000Z", span(V1, "Beta said another.")),
      row("moved", 2, "2026-02-01T00:00:00.000Z", span(V2, "Beta claimed another.")),
    ];
    const on2 = standingOnVersion(rows, versions, 2);
    expect(on2).toMatchObject({ kind: "shown", ...span(V2, "Beta claimed another."), wordingChange: { previousQuote: "Beta said another.", currentQuote: "Beta claimed another.", changedAt: "2026-02-01T00:00:00.000Z" } });
    expect(standingOnVersion(rows, versions, 1)).toMatchObject({ kind: "shown", wordingChange: null, ...span(V1, "Beta said another.") });
  });

  it("a removed statement is highlighted on the versions it was in and listed as removed on the later ones", () => {
    // The orphan's row keeps the span it last had, on the revision it had it.
    const rows = [row("approved", 1, "2026-01-05T00:00:00.000Z", span(V1, "Gamma said a third.")), row("moved", 1, "2026-02-01T00:00:00.000Z", span(V1, "Gamma said a third."))];
    expect(standingOnVersion(rows, versions, 1)).toMatchObject({ kind: "shown", ...span(V1, "Gamma said a third.") });
    expect(standingOnVersion(rows, versions, 2)).toMatchObject({ kind: "removed", quote: "Gamma said a third.", removedAt: "2026-02-01T00:00:00.000Z", lastRevision: 1 });
    expect(standingOnVersion(rows, versions, 3)).toMatchObject({ kind: "removed", lastRevision: 1 });
  });

  it("an unknown version, or a span on a version that is not stored, stands nowhere", () => {
    const rows = [row("approved", 1, "2026-01-05T00:00:00.000Z", span(V1, "Alpha said one thing."))];
    expect(standingOnVersion(rows, versions, 4)).toBeNull();
    expect(standingOnVersion(rows, versions.slice(1), 2)).toBeNull();
  });
});
