import { describe, expect, it } from "vitest";
import type { SourceKind } from "../domain/types";
import {
  checkAnonymousHasOrigin,
  checkAttributedOutletsInChain,
  checkChainEndsAtArticleOutlet,
  checkHopDates,
  checkOriginIsSpeaker,
  dateBounds,
  isAnonymousAttribution,
  outletsNamedIn,
  runChainChecks,
  type CheckedAnnotation,
} from "./chain-checks";

const hop = (name: string, kind: SourceKind, date: string | null = null, id: string | null = null) => ({ source: { id, name, kind, date } });
const annotation = (over: Partial<CheckedAnnotation>): CheckedAnnotation => ({ attributionText: null, speakerName: null, chain: [], ...over });
const noArticle = { outlet: null, publishedDate: null };

describe("origin is the speaker (a)", () => {
  it("flags the issue's example: speaker “Lithuanian defence minister”, origin LRT (news outlet)", () => {
    const w = checkOriginIsSpeaker(annotation({ speakerName: "Lithuanian defence minister", attributionText: "the minister told LRT", chain: [hop("LRT", "news_outlet")] }));
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({ code: "origin-not-speaker", field: "chain.0", hop: 0 });
    expect(w[0].message).toContain("“Lithuanian defence minister”");
    expect(w[0].message).toContain("“LRT” (a news outlet)");
  });

  it("accepts a normalised match and a same-as link, and nothing without a speaker or a chain", () => {
    expect(checkOriginIsSpeaker(annotation({ speakerName: "the Telegraph", chain: [hop("The Telegraph", "news_outlet")] }))).toEqual([]);
    const linked = annotation({ speakerName: "Lithuanian defence minister", chain: [hop("Dovilė Šakalienė", "person", null, "p1")] });
    expect(checkOriginIsSpeaker(linked)).toHaveLength(1);
    expect(checkOriginIsSpeaker(linked, { sameAs: [{ speakerName: "Lithuanian defence minister", sourceId: "p1" }] })).toEqual([]);
    expect(checkOriginIsSpeaker(annotation({ speakerName: null, chain: [hop("LRT", "news_outlet")] }))).toEqual([]);
    expect(checkOriginIsSpeaker(annotation({ speakerName: "Gennady Podlesny", chain: [] }))).toEqual([]);
  });

  it("compares the speaker with the first hop only", () => {
    const a = annotation({ speakerName: "Interfax", chain: [hop("Foreign ministries", "government"), hop("Interfax", "wire_agency")] });
    expect(checkOriginIsSpeaker(a)).toHaveLength(1);
  });
});

describe("outlets named in the attribution (b)", () => {
  it.each([
    ["the minister told LRT", ["LRT"]],
    ["according to Interfax", ["Interfax"]],
    ["reports by Interfax, citing statements from the foreign ministries", ["Interfax"]],
    ["she told the BBC on Sunday", ["the BBC"]],
    ["according to Reuters and AFP", ["Reuters", "AFP"]],
    ["he told Lithuanian broadcaster LRT", ["LRT"]],
    ["in an interview with Radio Free Europe/Radio Liberty", ["Radio Free Europe/Radio Liberty"]],
    // Not outlets: a ministry after "according to", reporters, the article's own voice.
    ["according to the interior ministry", []],
    ["According to Lithuanian Foreign Minister Budrys", []],
    ["he told reporters", []],
    ["the article noted", []],
  ])("%s → %j", (text, expected) => {
    expect(outletsNamedIn(text)).toEqual(expected);
  });

  it("flags an outlet the chain does not contain, and not one it does", () => {
    const missing = checkAttributedOutletsInChain(annotation({ attributionText: "the minister told LRT", chain: [hop("Dovilė Šakalienė", "person")] }));
    expect(missing).toEqual([expect.objectContaining({ code: "outlet-missing-from-chain", field: "chain" })]);
    expect(missing[0].message).toContain("“LRT”");
    expect(checkAttributedOutletsInChain(annotation({ attributionText: "the minister told LRT", chain: [hop("Minister", "person"), hop("LRT", "news_outlet")] }))).toEqual([]);
    expect(checkAttributedOutletsInChain(annotation({ attributionText: "according to Interfax", chain: [hop("Interfax-Ukraine", "wire_agency")] }))).toEqual([]);
  });

  it("flags each missing outlet once", () => {
    const w = checkAttributedOutletsInChain(annotation({ attributionText: "according to Reuters and AFP", chain: [hop("Reuters", "wire_agency")] }));
    expect(w.map((x) => x.message.includes("“AFP”"))).toEqual([true]);
  });
});

describe("hop dates (c)", () => {
  it("reads partial dates as the whole period they cover", () => {
    expect(dateBounds("2024")).toEqual({ first: "2024-01-01", last: "2024-12-31" });
    expect(dateBounds("2024-02")).toEqual({ first: "2024-02-01", last: "2024-02-29" });
    expect(dateBounds("2025-06-27")).toEqual({ first: "2025-06-27", last: "2025-06-27" });
    expect(dateBounds("June 2025")).toBeNull();
  });

  it("flags a hop dated before the hop it relays", () => {
    const w = checkHopDates(annotation({ chain: [hop("Minister", "person", "2025-06-27"), hop("LRT", "news_outlet", "2025-06-20")] }), noArticle);
    expect(w).toEqual([expect.objectContaining({ code: "hop-dates-out-of-order", field: "chain.1.date", hop: 1 })]);
  });

  it("skips undated hops but still compares around them", () => {
    const w = checkHopDates(annotation({ chain: [hop("A", "person", "2025-06-27"), hop("B", "news_outlet"), hop("C", "news_outlet", "2025-05")] }), noArticle);
    expect(w.map((x) => x.hop)).toEqual([2]);
  });

  it("does not flag overlapping partial dates", () => {
    expect(checkHopDates(annotation({ chain: [hop("A", "person", "2025-06-27"), hop("B", "document", "2025")] }), noArticle)).toEqual([]);
    expect(checkHopDates(annotation({ chain: [hop("A", "person", "2025-06-27")] }), { outlet: null, publishedDate: "2025-06" })).toEqual([]);
  });

  it("flags a hop dated after the article", () => {
    const w = checkHopDates(annotation({ chain: [hop("A", "person", "2025-06-27"), hop("B", "news_outlet", "2025-07-01")] }), { outlet: null, publishedDate: "2025-06-28" });
    expect(w).toEqual([expect.objectContaining({ code: "hop-after-article", field: "chain.1.date", hop: 1 })]);
  });
});

describe("anonymous attribution (d)", () => {
  it.each([
    ["one Russian military analyst reportedly", null, true],
    ["a source close to the government", null, true],
    ["US officials", null, true],
    ["some analysts have suggested", null, true],
    ["Gennady Podlesny, a Russian political commentator", "Gennady Podlesny", false],
    ["a spokesperson for the Estonian foreign ministry", null, false],
    ["he told reporters", null, false],
  ] as const)("%s → %s", (text, speaker, expected) => {
    expect(isAnonymousAttribution(text, speaker)).toBe(expected);
  });

  it("flags an anonymous attribution with no chain, or with an outlet or document as origin", () => {
    expect(checkAnonymousHasOrigin(annotation({ attributionText: "a source said", chain: [] }))).toEqual([
      expect.objectContaining({ code: "anonymous-without-origin", field: "chain" }),
    ]);
    const viaOutlet = checkAnonymousHasOrigin(annotation({ attributionText: "one analyst reportedly", chain: [hop("The Telegraph", "news_outlet")] }));
    expect(viaOutlet).toEqual([expect.objectContaining({ code: "anonymous-without-origin", field: "chain.0", hop: 0 })]);
    expect(viaOutlet[0].message).toContain("a news outlet");
  });

  it("accepts a person, organisation, government or NGO as the origin", () => {
    for (const kind of ["person", "organisation", "government", "ngo"] as const) {
      expect(checkAnonymousHasOrigin(annotation({ attributionText: "a source said", chain: [hop("Unnamed official", kind)] }))).toEqual([]);
    }
  });

  it("treats an “Unnamed …” speaker as anonymous even when the wording is not", () => {
    expect(checkAnonymousHasOrigin(annotation({ attributionText: "he said", speakerName: "Unnamed official", chain: [] }))).toHaveLength(1);
  });
});

describe("chain end (e)", () => {
  const lrt = { outlet: "LRT", publishedDate: null };

  it("does nothing when the article's outlet is not recorded", () => {
    expect(checkChainEndsAtArticleOutlet(annotation({ chain: [hop("Reuters", "wire_agency")] }), noArticle)).toEqual([]);
  });

  it("flags an outlet the article does not credit as the last hop", () => {
    const w = checkChainEndsAtArticleOutlet(annotation({ attributionText: "the minister said", chain: [hop("Minister", "person"), hop("Reuters", "wire_agency")] }), lrt);
    expect(w).toEqual([expect.objectContaining({ code: "chain-ends-elsewhere", field: "chain.1", hop: 1 })]);
    expect(w[0].message).toContain("“LRT”");
  });

  it("accepts a credited outlet, the article's own outlet, or a non-outlet as the last hop", () => {
    expect(checkChainEndsAtArticleOutlet(annotation({ attributionText: "according to Reuters", chain: [hop("Reuters", "wire_agency")] }), lrt)).toEqual([]);
    expect(checkChainEndsAtArticleOutlet(annotation({ chain: [hop("Minister", "person"), hop("LRT", "news_outlet")] }), lrt)).toEqual([]);
    expect(checkChainEndsAtArticleOutlet(annotation({ chain: [hop("Minister", "person")] }), lrt)).toEqual([]);
    expect(checkChainEndsAtArticleOutlet(annotation({ attributionText: "the article noted", speakerName: "The Telegraph", chain: [hop("The Telegraph", "news_outlet")] }), lrt)).toEqual([]);
  });

  it("flags a chain that continues past the article's own outlet", () => {
    const w = checkChainEndsAtArticleOutlet(annotation({ attributionText: "told LRT", chain: [hop("LRT", "news_outlet"), hop("Minister", "person")] }), lrt);
    expect(w).toEqual([expect.objectContaining({ code: "chain-ends-elsewhere", hop: 1 })]);
    expect(w[0].message).toContain("must come last");
  });
});

describe("runChainChecks", () => {
  it("flags the issue's example once: LRT is credited, so only the speaker-vs-origin warning", () => {
    const codes = runChainChecks(
      annotation({ attributionText: "the Lithuanian defence minister told LRT", speakerName: "Lithuanian defence minister", chain: [hop("LRT", "news_outlet")] }),
      { outlet: "Delfi", publishedDate: "2025-06-28" },
    ).map((w) => w.code);
    expect(codes).toEqual(["origin-not-speaker"]);
  });

  it("returns nothing for a clean chain", () => {
    expect(
      runChainChecks(
        annotation({ attributionText: "according to Interfax", speakerName: "Foreign ministry", chain: [hop("Ministry of Foreign Affairs", "government", "2025-06-27"), hop("Interfax", "wire_agency", "2025-06-27")] }),
        { outlet: "LRT", publishedDate: "2025-06-28" },
      ),
    ).toEqual([]);
  });
});
