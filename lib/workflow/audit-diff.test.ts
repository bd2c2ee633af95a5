import { describe, expect, it } from "vitest";
import { diffSnapshots } from "./audit-diff";

describe("diffSnapshots", () => {
  it("lists changed fields first, then unchanged ones", () => {
    const rows = diffSnapshots(JSON.stringify({ name: "A", role: "reviewer", active: true }), JSON.stringify({ name: "A", role: "admin", active: true }));
    expect(rows[0]).toEqual({ field: "role", before: "reviewer", after: "admin", change: "changed" });
    expect(rows.slice(1).map((r) => r.change)).toEqual(["same", "same"]);
    expect(rows.find((r) => r.field === "active")?.before).toBe("true");
  });

  it("handles creations, deletions, nested values and non-JSON text", () => {
    expect(diffSnapshots(null, '{"a":1}')).toEqual([{ field: "a", before: null, after: "1", change: "added" }]);
    expect(diffSnapshots('{"a":[1,2]}', null)).toEqual([{ field: "a", before: "[1,2]", after: null, change: "removed" }]);
    expect(diffSnapshots("not json", null)).toEqual([{ field: "value", before: "not json", after: null, change: "removed" }]);
    expect(diffSnapshots(null, null)).toEqual([]);
  });
});
