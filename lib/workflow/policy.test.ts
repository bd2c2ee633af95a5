import { describe, expect, it } from "vitest";
import { secondReviewerRefusal } from "./policy";

describe("secondReviewerRefusal", () => {
  it("refuses the requester, lets anyone else confirm, and says when nothing is pending", () => {
    expect(secondReviewerRefusal("u1", "u1", "removal")).toBe("You asked for this removal, so a second reviewer must confirm it.");
    expect(secondReviewerRefusal("u1", "u1", "re-attachment")).toMatch(/You asked for this re-attachment/);
    expect(secondReviewerRefusal("u2", "u1", "removal")).toBeNull();
    expect(secondReviewerRefusal("u2", null, "re-attachment")).toBe("There is no pending re-attachment to confirm.");
  });
});
