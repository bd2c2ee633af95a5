/**
 * The chain checks run over the demo key, compared with the committed, reviewed list of flags
 * (`expected-chain-flags.json`; why each flag is right, and why the other 17 entries raise none, is in
 * `expected-chain-flags.md`). A change to the checks that adds, drops or rewords a demo flag fails here, so the
 * list is reviewed again.
 */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { runChainChecks } from "../../lib/provenance/chain-checks";
import { ARTICLE_META, KEY_ENTRIES, SOURCES, type KeyEntry } from "./baltic-key";
import { EXIT_ARTICLE_META, EXIT_KEY_ENTRIES, EXIT_SOURCES } from "./baltic-exit-key";

interface ExpectedFlag {
  entry: number;
  code: string;
  field: string;
  hop: number | null;
  message: string;
}

const reviewed = JSON.parse(readFileSync(fileURLToPath(new URL("./expected-chain-flags.json", import.meta.url)), "utf8"));
const expected: ExpectedFlag[] = reviewed.flags;
const sourceByKey = new Map([...SOURCES, ...EXIT_SOURCES].map((s) => [s.key, s]));

function demoFlags(article = { outlet: ARTICLE_META.outlet, publishedDate: ARTICLE_META.publishedDate }, entries: KeyEntry[] = KEY_ENTRIES): ExpectedFlag[] {
  return entries.flatMap((e) =>
    runChainChecks(
      {
        attributionText: e.attributionText,
        speakerName: e.speakerName,
        speakerKind: e.speakerKind,
        chain: e.chain.map((key) => ({ source: { ...sourceByKey.get(key)!, id: key } })),
      },
      article,
    ).map((w) => ({ entry: e.n, code: w.code, field: w.field, hop: w.hop ?? null, message: w.message })),
  );
}

describe("chain checks over the Baltic demo key", () => {
  it("raise exactly the reviewed flags", () => {
    expect(demoFlags()).toEqual(expected);
  });

  it("flag #15, the misattributed analyst whose chain shows The Telegraph", () => {
    const codes = expected.filter((f) => f.entry === 15).map((f) => f.code);
    expect(codes).toEqual(["origin-not-speaker", "anonymous-without-origin"]);
  });

  it("flag nothing on the entries whose speaker is their chain's origin", () => {
    const flagged = new Set(demoFlags().map((f) => f.entry));
    for (const n of [2, 3, 6, 7, 8, 9, 10, 16, 17]) expect(flagged.has(n)).toBe(false);
  });

  it("would not flag the demo's dates if the article were dated the day of the withdrawal notices", () => {
    // Every dated hop in the key (2021, 2025-06-24) precedes 27 June 2025, the date in the article's title.
    expect(demoFlags({ outlet: null, publishedDate: "2025-06-27" })).toEqual(expected);
  });

  it("with an outlet recorded, add only the chain-end flag on #15, whose article never credits the relays", () => {
    const extra = demoFlags({ outlet: "Example Daily", publishedDate: null }).filter((f) => f.code === "chain-ends-elsewhere");
    expect(extra.map((f) => [f.entry, f.hop])).toEqual([[15, 1]]);
  });
});

describe("chain checks over the second demo article (the follow-up report)", () => {
  it("raise exactly the reviewed flags (none), with its outlet and date as recorded", () => {
    expect(reviewed.secondArticle.article).toEqual({ outlet: EXIT_ARTICLE_META.outlet, publishedDate: EXIT_ARTICLE_META.publishedDate });
    expect(demoFlags(reviewed.secondArticle.article, EXIT_KEY_ENTRIES)).toEqual(reviewed.secondArticle.flags);
  });
});
