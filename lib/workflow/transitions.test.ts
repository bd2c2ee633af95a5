import { describe, expect, it } from "vitest";
import { nextState, revisionEditors, reviewRefusal } from "./transitions";
import { diffFields } from "./diff";

describe("workflow transitions", () => {
  it("draft → in review → approved", () => {
    expect(nextState("draft", "submit")).toBe("in_review");
    expect(nextState("in_review", "approve")).toBe("approved");
  });
  it("in review → draft when returned", () => {
    expect(nextState("in_review", "return")).toBe("draft");
  });
  it("refuses approving or returning anything not in review", () => {
    for (const from of ["draft", "approved"] as const) {
      expect(nextState(from, "approve")).toBeNull();
      expect(nextState(from, "return")).toBeNull();
    }
    expect(nextState("in_review", "submit")).toBeNull();
    expect(nextState("approved", "submit")).toBeNull();
  });
  it("editing (also an approved annotation) gives a draft or, with submit, in review", () => {
    expect(nextState("approved", "save_draft")).toBe("draft");
    expect(nextState("approved", "save_and_submit")).toBe("in_review");
    expect(nextState(null, "save_draft")).toBe("draft");
  });
});

describe("who may review a revision", () => {
  it("editors are the actors of edits since the last approval (folded over revision rows)", () => {
    const steps: [import("./transitions").RevisionEvent, string][] = [
      ["created", "a"],
      ["saved", "b"],
      ["submitted", "a"],
      ["approved", "c"],
      ["saved", "d"],
      ["submitted", "d"],
      ["returned", "e"],
    ];
    let previous: { event: string; editorIds: string[] } | null = null;
    const editorsAfter: string[][] = [];
    for (const [event, actor] of steps) {
      previous = { event, editorIds: revisionEditors(previous, event, actor) };
      editorsAfter.push([...previous.editorIds].sort());
    }
    expect(editorsAfter[2]).toEqual(["a", "b"]);
    expect(editorsAfter[3]).toEqual(["a", "b"]);
    expect(editorsAfter[6]).toEqual(["d"]);
  });
  it("refuses the author and the revision's editors, allows others", () => {
    const editors = new Set(["b"]);
    expect(reviewRefusal("a", "a", editors)).toMatch(/You wrote this annotation/);
    expect(reviewRefusal("b", "a", editors)).toMatch(/You edited this revision/);
    expect(reviewRefusal("x", "a", editors, "x")).toMatch(/You edited/);
    expect(reviewRefusal("c", "a", editors, "b")).toBeNull();
  });
});

describe("diffFields", () => {
  it("lists changed fields only, with labels", () => {
    const d = diffFields(
      { claimType: "Statistic", rationale: "old", chain: [{ name: "A", kind: "person" }], version: 1 },
      { claimType: "Statistic", rationale: "new", chain: [{ name: "A", kind: "person" }, { name: "B", kind: "ngo" }], version: 2 },
    );
    expect(d.map((c) => c.label)).toEqual(["Rationale", "Provenance chain"]);
    expect(d[0]).toMatchObject({ before: "old", after: "new" });
    expect(d[1].after).toBe("1. A · person\n2. B · ngo");
  });
  it("treats missing and empty as the same", () => {
    expect(diffFields({ speakerRole: null }, { speakerRole: "" })).toEqual([]);
    expect(diffFields(null, { speakerRole: "x" })[0]).toMatchObject({ before: "(empty)", after: "x" });
  });
});
