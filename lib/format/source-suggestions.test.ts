import { describe, expect, it } from "vitest";
import type { SourceDTO } from "@/lib/domain/types";
import { pickedSource, sourceSuggestionLabels, urlHost } from "./source-suggestions";

const src = (id: string, over: Partial<SourceDTO> = {}): SourceDTO => ({ id, name: "The Telegraph", kind: "news_outlet", url: null, date: null, ...over });

describe("source suggestions", () => {
  it("tells same-named sources apart by kind, date and URL host", () => {
    const dated = src("a", { date: "2025-06-24", url: "https://www.telegraph.co.uk/news/1" });
    const undated = src("b");
    const labels = sourceSuggestionLabels([dated, undated]);
    expect(labels.get("a")).toBe("The Telegraph — News outlet · 2025-06-24 · telegraph.co.uk");
    expect(labels.get("b")).toBe("The Telegraph — News outlet · undated · no URL");
  });

  it("falls back to the full URL, then a number, so every label is unique", () => {
    const one = src("a", { name: "Interfax", kind: "wire_agency", url: "https://interfax.com/a" });
    const two = src("b", { name: "Interfax", kind: "wire_agency", url: "https://interfax.com/b" });
    const three = src("c", { name: "Interfax", kind: "wire_agency", url: "https://interfax.com/b" });
    const labels = sourceSuggestionLabels([one, two, three]);
    expect(labels.get("a")).toBe("Interfax — Wire agency · undated · https://interfax.com/a");
    expect(labels.get("b")).toBe("Interfax — Wire agency · undated · https://interfax.com/b (1)");
    expect(labels.get("c")).toBe("Interfax — Wire agency · undated · https://interfax.com/b (2)");
    expect(new Set(labels.values()).size).toBe(3);
  });

  it("finds the picked source by its exact suggestion text, never by name alone", () => {
    const list = [src("a", { date: "2025-06-24" }), src("b")];
    expect(pickedSource(list, "The Telegraph — News outlet · undated · no URL")?.id).toBe("b");
    expect(pickedSource(list, "The Telegraph")).toBeUndefined();
    expect(urlHost("not a url")).toBeNull();
  });
});
