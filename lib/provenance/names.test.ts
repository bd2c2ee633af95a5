import { describe, expect, it } from "vitest";
import { namesContain, normaliseName, speakerIsSource } from "./names";

describe("normaliseName", () => {
  it.each([
    ["The Telegraph", "telegraph"],
    ["Kęstutis Budrys", "kestutis budrys"],
    ["  Reuters. ", "reuters"],
    ["Russia's defence ministry", "russia defence ministry"],
    ["Ministry of Foreign Affairs", "foreign ministry"],
    ["The Ministry of the Interior", "interior ministry"],
    ["Foreign Affairs Ministry", "foreign ministry"],
    ["Ministry of Foreign Affairs of Lithuania", "foreign ministry of lithuania"],
    ["Procter & Gamble", "procter and gamble"],
  ])("%s → %s", (input, expected) => {
    expect(normaliseName(input)).toBe(expected);
  });

  it("leaves a ministry with a compound remit alone rather than reorder it wrongly", () => {
    expect(normaliseName("Ministry of Health and Social Affairs")).toBe("ministry of health and social affairs");
  });
});

describe("speakerIsSource", () => {
  it("matches across case, diacritics, punctuation and a leading “the”", () => {
    expect(speakerIsSource("the telegraph", { name: "The Telegraph" })).toBe(true);
    expect(speakerIsSource("Kestutis Budrys", { name: "Kęstutis Budrys" })).toBe(true);
    expect(speakerIsSource("Lithuanian Ministry of Foreign Affairs", { name: "Lithuanian Foreign Ministry" })).toBe(true);
  });

  it("does not guess surnames, demonyms or abbreviations", () => {
    expect(speakerIsSource("Podlesny", { name: "Gennady Podlesny" })).toBe(false);
    expect(speakerIsSource("Lithuanian foreign ministry", { name: "Ministry of Foreign Affairs of Lithuania" })).toBe(false);
    expect(speakerIsSource("Lithuanian defence minister", { name: "LRT" })).toBe(false);
  });

  it("follows an explicit same-as link, by source id or by name", () => {
    const source = { id: "src-1", name: "Ministry of Foreign Affairs of Lithuania" };
    expect(speakerIsSource("Lithuanian foreign ministry", source, [{ speakerName: "lithuanian Foreign Ministry", sourceId: "src-1" }])).toBe(true);
    expect(speakerIsSource("Podlesny", { name: "Gennady Podlesny" }, [{ speakerName: "Podlesny", sourceName: "gennady podlesny" }])).toBe(true);
    // A link for another speaker or another source does not apply.
    expect(speakerIsSource("Lithuanian foreign ministry", source, [{ speakerName: "Latvian foreign ministry", sourceId: "src-1" }])).toBe(false);
    expect(speakerIsSource("Lithuanian foreign ministry", source, [{ speakerName: "Lithuanian foreign ministry", sourceId: "src-2" }])).toBe(false);
  });

  it("never matches an empty speaker", () => {
    expect(speakerIsSource(" , ", { name: "" })).toBe(false);
  });
});

describe("namesContain", () => {
  it("matches whole words only", () => {
    expect(namesContain("Relays of The Telegraph (news-pravda.com)", "the Telegraph")).toBe(true);
    expect(namesContain("Interfax-Ukraine", "Interfax")).toBe(true);
    expect(namesContain("Interfaxx", "Interfax")).toBe(false);
  });
});
