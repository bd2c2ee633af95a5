import { describe, expect, it } from "vitest";
import { buildVerdictHistory, statusFromPayload, type AnnotationEventInput } from "./history";

const vocab = new Map([
  ["verified", { slug: "verified", label: "Verified" }],
  ["false", { slug: "false", label: "False" }],
  ["unverified", { slug: "unverified", label: "Unverified" }],
]);
const resolve = (key: string) => vocab.get(key) ?? [...vocab.values()].find((v) => v.label.toLowerCase() === key.toLowerCase());

let t = 0;
const ev = (action: string, after: unknown, actorName = "Sam", comment?: string): AnnotationEventInput & { comment?: string } => ({
  annotationId: "a1",
  action,
  createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, t++)).toISOString(),
  actorName,
  before: null,
  after,
  ...(comment ? { comment } : {}),
});

describe("statusFromPayload", () => {
  it("reads the shapes writers use", () => {
    expect(statusFromPayload({ status: { slug: "false", label: "False" } })).toEqual({ slug: "false", label: "False" });
    expect(statusFromPayload({ status: "False" })).toEqual({ slug: "False" });
    expect(statusFromPayload({ approvedStatusSlug: "verified" })).toEqual({ slug: "verified" });
    expect(statusFromPayload({ approvedSnapshot: JSON.stringify({ status: { slug: "verified" } }) })).toEqual({ slug: "verified" });
    expect(statusFromPayload({ workflowState: "approved" })).toBeNull();
    expect(statusFromPayload(null)).toBeNull();
  });
});

describe("buildVerdictHistory", () => {
  it("the first approval publishes a verdict; a later approval with another verdict is a change from → to", () => {
    const events = [
      ev("annotation.create", { status: { slug: "unverified", label: "Unverified" } }, "Rita"),
      ev("annotation.approve", { workflowState: "approved" }, "Sam"),
      ev("annotation.update", { status: "False", rationale: "secret draft" }, "Rita", "private"),
      ev("annotation.approve", { workflowState: "approved" }, "Ada"),
    ];
    const history = buildVerdictHistory(events, new Map([["a1", { slug: "false", label: "False" }]]), resolve).get("a1")!;
    expect(history).toEqual([
      { at: events[1].createdAt, by: "Sam", from: null, to: { slug: "unverified", label: "Unverified" } },
      { at: events[3].createdAt, by: "Ada", from: { slug: "unverified", label: "Unverified" }, to: { slug: "false", label: "False" } },
    ]);
    expect(JSON.stringify(history)).not.toMatch(/secret|private|Rita/);
  });

  it("re-approving the same verdict adds nothing; unapproved edits are not history", () => {
    const events = [
      ev("annotation.create", { status: { slug: "verified" } }),
      ev("annotation.approve", {}),
      ev("annotation.update", { status: "False" }),
      ev("annotation.update", { status: "Verified" }),
      ev("annotation.approve", {}),
      ev("annotation.update", { status: "False" }), // pending revision, not approved: readers still see Verified
    ];
    const history = buildVerdictHistory(events, new Map([["a1", { slug: "verified", label: "Verified" }]]), resolve).get("a1")!;
    expect(history).toHaveLength(1);
    expect(history[0].to.slug).toBe("verified");
  });

  it("the latest approval always shows the verdict readers see now", () => {
    const events = [ev("annotation.approve", { workflowState: "approved" })];
    const history = buildVerdictHistory(events, new Map([["a1", { slug: "false", label: "False" }]]), resolve).get("a1")!;
    expect(history).toEqual([{ at: events[0].createdAt, by: "Sam", from: null, to: { slug: "false", label: "False" } }]);
  });
});
