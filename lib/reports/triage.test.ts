import { describe, expect, it } from "vitest";
import { availableTriageActions, formatDuration, isClosed, triageTransition } from "./triage";

describe("reader report triage", () => {
  it("moves new → acknowledged → accepted or declined, and never out of a closed state", () => {
    expect(triageTransition("new", "acknowledge")).toEqual({ ok: true, to: "acknowledged" });
    expect(triageTransition("new", "decline")).toEqual({ ok: true, to: "declined" });
    expect(triageTransition("acknowledged", "accept")).toEqual({ ok: true, to: "accepted" });
    expect(triageTransition("acknowledged", "acknowledge")).toMatchObject({ ok: false });
    expect(triageTransition("declined", "accept")).toEqual({ ok: false, reason: "This report is already declined; it cannot be changed." });
    expect(triageTransition("accepted", "decline")).toMatchObject({ ok: false });
    expect(availableTriageActions("accepted")).toEqual([]);
    expect(isClosed("declined")).toBe(true);
    expect(isClosed("acknowledged")).toBe(false);
  });

  it("formats a median triage time in its largest sensible unit", () => {
    expect(formatDuration(20_000)).toBe("1 minute");
    expect(formatDuration(45 * 60_000)).toBe("45 minutes");
    expect(formatDuration(5 * 3_600_000)).toBe("5 hours");
    expect(formatDuration(3 * 86_400_000)).toBe("3 days");
  });
});
