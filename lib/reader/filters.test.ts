import { describe, expect, it } from "vitest";
import { buildReaderSummary, filterQuery, isFiltered, matchesFilters, parseReaderQuery } from "./filters";

const V = (slug: string, label = slug) => ({ slug, label, color: "#fff" });
const vocabulary = { statuses: [V("verified", "Verified"), V("false", "False"), V("unverified", "Unverified")], claimTypes: [V("interview", "Interview"), V("statistic", "Statistic")] };
const ann = (status: string, type: string) => ({ status: V(status), claimType: V(type) });

describe("parseReaderQuery", () => {
  it("reads single, repeated and comma-separated values, lower-cased and de-duplicated", () => {
    expect(parseReaderQuery({ status: "false", type: "interview" })).toEqual({ statuses: ["false"], types: ["interview"], annotation: null });
    expect(parseReaderQuery({ status: ["false", "Verified,false"] }).statuses).toEqual(["false", "verified"]);
  });

  it("drops malformed values instead of failing", () => {
    expect(parseReaderQuery({ status: "<script>", type: "", annotation: "../../x" })).toEqual({ statuses: [], types: [], annotation: null });
    expect(parseReaderQuery({ annotation: "cmabc123" }).annotation).toBe("cmabc123");
    expect(parseReaderQuery({ status: "a".repeat(200) }).statuses).toEqual([]);
  });
});

describe("filtering", () => {
  it("matches on both dimensions; an empty dimension matches everything", () => {
    const f = { statuses: ["false"], types: [] };
    expect(isFiltered(f)).toBe(true);
    expect(isFiltered({ statuses: [], types: [] })).toBe(false);
    expect(matchesFilters(f, ann("false", "interview"))).toBe(true);
    expect(matchesFilters(f, ann("verified", "interview"))).toBe(false);
    expect(matchesFilters({ statuses: ["false"], types: ["statistic"] }, ann("false", "interview"))).toBe(false);
  });

  it("builds the query status first, then type", () => {
    expect(filterQuery({ statuses: ["false"], types: ["interview"] })).toBe("?status=false&type=interview");
    expect(filterQuery({ statuses: ["false", "verified"] })).toBe("?status=false,verified");
    expect(filterQuery({})).toBe("");
  });
});

describe("buildReaderSummary", () => {
  const annotations = [ann("verified", "interview"), ann("false", "interview"), ann("false", "statistic"), ann("retired-status", "statistic")];

  it("counts by status and by type in vocabulary order, leaving out zero counts, keeping values no longer in the vocabulary", () => {
    const s = buildReaderSummary(annotations, vocabulary, { statuses: [], types: [] }, "/articles/a");
    expect(s.total).toBe(4);
    expect(s.byStatus.map((e) => [e.slug, e.count])).toEqual([["verified", 1], ["false", 2], ["retired-status", 1]]);
    expect(s.byType.map((e) => [e.slug, e.count])).toEqual([["interview", 2], ["statistic", 2]]);
  });

  it("each entry links to its filter, keeping the other dimension; the active one links back to all", () => {
    const s = buildReaderSummary(annotations, vocabulary, { statuses: ["false"], types: [] }, "/articles/a");
    const falseEntry = s.byStatus.find((e) => e.slug === "false")!;
    expect(falseEntry.active).toBe(true);
    expect(falseEntry.href).toBe("/articles/a");
    expect(s.byStatus.find((e) => e.slug === "verified")!.href).toBe("/articles/a?status=verified");
    expect(s.byType.find((e) => e.slug === "interview")!.href).toBe("/articles/a?status=false&type=interview");
  });

  it("reports unknown filter values", () => {
    const s = buildReaderSummary(annotations, vocabulary, { statuses: ["bogus"], types: ["nope", "interview"] }, "/a");
    expect(s.unknownStatuses).toEqual(["bogus"]);
    expect(s.unknownTypes).toEqual(["nope"]);
  });
});
