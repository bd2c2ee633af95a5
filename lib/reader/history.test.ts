import { describe, expect, it } from "vitest";
import { buildVerdictHistory, verdictDates, type ApprovalInput } from "./history";

const vocab = new Map([
  ["verified", { slug: "verified", label: "Verified" }],
  ["false", { slug: "false", label: "False" }],
  ["unverified", { slug: "unverified", label: "Unverified" }],
]);
const resolve = (slug: string) => vocab.get(slug);

let t = 0;
const approval = (statusSlug: string, approverName = "Sam", annotationId = "a1"): ApprovalInput => ({
  annotationId,
  statusSlug,
  at: new Date(Date.UTC(2026, 0, 1, 0, 0, t++)).toISOString(),
  approverName,
});

describe("buildVerdictHistory", () => {
  it("the first approval publishes a verdict; a later approval with another verdict is a change from → to", () => {
    const approvals = [approval("unverified", "Sam"), approval("false", "Ada")];
    const history = buildVerdictHistory(approvals, new Map([["a1", { slug: "false", label: "False" }]]), resolve).get("a1")!;
    expect(history).toEqual([
      { at: approvals[0].at, by: "Sam", from: null, to: { slug: "unverified", label: "Unverified" } },
      { at: approvals[1].at, by: "Ada", from: { slug: "unverified", label: "Unverified" }, to: { slug: "false", label: "False" } },
    ]);
  });

  it("re-approving the same verdict adds nothing; the order of the input does not matter", () => {
    const approvals = [approval("verified"), approval("verified", "Ada")];
    const history = buildVerdictHistory([...approvals].reverse(), new Map([["a1", { slug: "verified", label: "Verified" }]]), resolve).get("a1")!;
    expect(history).toEqual([{ at: approvals[0].at, by: "Sam", from: null, to: { slug: "verified", label: "Verified" } }]);
  });

  it("the latest approval shows the verdict readers see now; a deleted status shows its slug", () => {
    const approvals = [approval("gone-status"), approval("verified")];
    const history = buildVerdictHistory(approvals, new Map([["a1", { slug: "verified", label: "Checked" }]]), resolve).get("a1")!;
    expect(history.map((c) => c.to)).toEqual([
      { slug: "gone-status", label: "gone-status" },
      { slug: "verified", label: "Checked" },
    ]);
  });

  it("annotations without approvals have no history", () => {
    expect(buildVerdictHistory([approval("false", "Sam", "b")], new Map(), resolve).has("a1")).toBe(false);
  });
});

describe("verdictDates", () => {
  const at = (day: number) => new Date(Date.UTC(2026, 0, day)).toISOString();
  it("publishedAt is the first approval; a re-approval with the same verdict is no change; a new verdict is", () => {
    expect(verdictDates([{ statusSlug: "verified", at: at(1) }], null)).toEqual({ publishedAt: at(1), verdictChangedAt: at(1) });
    expect(verdictDates([{ statusSlug: "verified", at: at(1) }, { statusSlug: "verified", at: at(5) }], null)).toEqual({ publishedAt: at(1), verdictChangedAt: at(1) });
    expect(verdictDates([{ statusSlug: "false", at: at(9) }, { statusSlug: "verified", at: at(1) }, { statusSlug: "verified", at: at(5) }], null)).toEqual({ publishedAt: at(1), verdictChangedAt: at(9) });
  });
  it("approvals before the article was published date from its publication; never approved: null", () => {
    expect(verdictDates([{ statusSlug: "verified", at: at(1) }, { statusSlug: "false", at: at(2) }], at(3))).toEqual({ publishedAt: at(3), verdictChangedAt: at(3) });
    expect(verdictDates([], at(3))).toBeNull();
  });
});
