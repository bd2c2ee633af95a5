import { describe, expect, it } from "vitest";
import { asQuotation } from "./quote";

describe("asQuotation", () => {
  it("wraps a plain statement in curly quotation marks", () => {
    expect(asQuotation("The Baltic states signed in 1999.")).toBe("“The Baltic states signed in 1999.”");
  });

  it("never doubles the mark of a statement that is itself a quotation", () => {
    expect(asQuotation("“With this decision, we send a clear message…")).toBe("“With this decision, we send a clear message…");
    expect(asQuotation("“We leave,” the minister said.")).toBe("“We leave,” the minister said.");
    expect(asQuotation('"Straight quotes," he said.')).toBe('"Straight quotes," he said.');
    expect(asQuotation("„Niedersächsisch“")).toBe("„Niedersächsisch“");
    expect(asQuotation("« Bonjour »")).toBe("« Bonjour »");
  });

  it("leaves a statement that ends with its own closing mark as it is", () => {
    expect(asQuotation("The minister said “no.”")).toBe("The minister said “no.”");
  });

  it("trims surrounding space first and leaves empty text empty", () => {
    expect(asQuotation("  “Quoted”  ")).toBe("“Quoted”");
    expect(asQuotation("   ")).toBe("");
  });
});
