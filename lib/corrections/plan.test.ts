import { describe, expect, it } from "vitest";
import { planCorrection, type PlanStatement } from "./plan";

const OLD = [
  "The ministers met on Friday in Riga.",
  "They said the treaty no longer serves their security.",
  "An analyst warned of a new iron curtain across Europe.",
  "The convention was adopted in 1997.",
].join(" ");

function statement(id: string, sentence: string, annotated: boolean, approved?: { start: number; end: number }): PlanStatement {
  const start = OLD.indexOf(sentence);
  const end = start + sentence.length;
  return { id, start, end, annotation: annotated ? { id: `a-${id}`, exact: sentence, prefix: "", suffix: "", start, end, approved: approved ?? null } : null };
}

const STATEMENTS = [
  statement("s1", "The ministers met on Friday in Riga.", true),
  statement("s2", "They said the treaty no longer serves their security.", true),
  statement("s3", "An analyst warned of a new iron curtain across Europe.", true),
  statement("s4", "The convention was adopted in 1997.", false),
];

describe("planCorrection", () => {
  it("gives each annotation its outcome, keeps verbatim unannotated statements and proposes statements for inserted text", () => {
    const next = "Editors added this sentence today. " + OLD.replace("They said the treaty no longer serves their security. ", "").replace("a new iron curtain", "a new steel curtain");
    // The pipeline's proposals: every sentence of the new text.
    const proposed = [...next.matchAll(/[^ ][^.]*\./g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const plan = planCorrection(OLD, next, STATEMENTS, proposed);
    const kinds = Object.fromEntries(plan.annotations.map((p) => [p.annotationId, p.outcome.kind]));
    expect(kinds).toEqual({ "a-s1": "moved", "a-s2": "orphaned", "a-s3": "changed" });
    expect(plan.annotations.find((p) => p.annotationId === "a-s2")!.approved).toBeNull();
    const moved = plan.annotations.find((p) => p.annotationId === "a-s1")!;
    expect(moved.approved).toEqual({ start: 35, end: 35 + "The ministers met on Friday in Riga.".length });
    expect(plan.keptStatements).toEqual([{ id: "s4", start: next.indexOf("The convention"), end: next.indexOf("The convention") + "The convention was adopted in 1997.".length }]);
    expect(plan.proposedStatements).toEqual([{ start: 0, end: 34 }]);
    expect(plan.counts).toMatchObject({ unchanged: 0, moved: 1, changed: 1, orphaned: 1, proposed: 1 });
  });

  it("leaves everything unchanged when only text after the statements changes", () => {
    const plan = planCorrection(OLD, `${OLD} A closing sentence.`, STATEMENTS, []);
    expect(plan.annotations.map((p) => p.outcome.kind)).toEqual(["unchanged", "unchanged", "unchanged"]);
    expect(plan.keptStatements.map((s) => s.id)).toEqual(["s4"]);
  });

  it("drops an unannotated statement whose text changed, and re-anchors an approved span that differs from the working span on its own", () => {
    const approvedSpan = { start: OLD.indexOf("The ministers"), end: OLD.indexOf(" in Riga.") };
    const statements = [statement("s1", "The ministers met on Friday in Riga.", true, approvedSpan), STATEMENTS[3]];
    const next = `Intro. ${OLD.replace("adopted in 1997", "adopted in Oslo in 1997")}`;
    const plan = planCorrection(OLD, next, statements, []);
    expect(plan.keptStatements).toEqual([]);
    expect(plan.counts.dropped).toBe(1);
    const p = plan.annotations[0];
    expect(p.outcome.kind).toBe("moved");
    expect(next.slice(p.approved!.start, p.approved!.end)).toBe("The ministers met on Friday");
  });
});
