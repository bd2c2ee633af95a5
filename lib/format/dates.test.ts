import { describe, expect, it } from "vitest";
import { formatPartialDate, formatTimestampDate } from "./dates";

describe("formatPartialDate", () => {
  it("formats year, month and day precision", () => {
    expect(formatPartialDate("2021")).toBe("2021");
    expect(formatPartialDate("2025-06")).toBe("June 2025");
    expect(formatPartialDate("2025-06-27")).toBe("27 June 2025");
  });
  it("leaves unknown shapes alone and maps empty to null", () => {
    expect(formatPartialDate("spring 2020")).toBe("spring 2020");
    expect(formatPartialDate(null)).toBeNull();
    expect(formatTimestampDate("2026-11-28T17:00:00.000Z")).toBe("28 November 2026");
  });
});
