import { describe, it, expect } from "vitest";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  ARTICLE_META,
  E7_CAVEAT,
  EVIDENCE,
  KEY_ENTRIES,
  SOURCES,
  type KeyEntry,
} from "./baltic-key";

const here = (name: string) => fileURLToPath(new URL(name, import.meta.url));
const md = readFileSync(here("./baltic-ottawa-withdrawal.annotations.md"), "utf8");
const article = readFileSync(here("./baltic-ottawa-withdrawal.txt"), "utf8");

/** Table rows of the key: lines starting with `| N |`, cells trimmed (cells[0] is the number). */
const rows = new Map<number, string[]>();
for (const line of md.split("\n")) {
  const m = /^\| (\d+) \|/.exec(line);
  if (!m) continue;
  const cells = line.split("|").slice(1, -1).map((c) => c.trim());
  rows.set(Number(m[1]), cells);
}
const COL = { n: 0, quote: 1, type: 2, attribution: 3, chain: 4, date: 5, status: 6, rationale: 7, evidence: 8 };

function section(from: string, to: string): string {
  const a = md.indexOf(from);
  const b = md.indexOf(to, a);
  expect(a).toBeGreaterThanOrEqual(0);
  expect(b).toBeGreaterThan(a);
  return md.slice(a, b);
}
const slugs = (text: string) => [...text.matchAll(/^\| `([a-z-]+)` \|/gm)].map((m) => m[1]);
const CLAIM_TYPES = slugs(section("Claim types:", "Verification statuses"));
const STATUSES = slugs(section("Verification statuses", "Colours are"));

/** The evidence list: `- [En] …` items up to the table, whitespace collapsed. */
const evidenceItems = new Map<string, string>();
{
  const list = section("Evidence (public pages):", "| # |");
  for (const m of list.matchAll(/^- \[(E\d+)\]([\s\S]*?)(?=^- \[E|$(?![\s\S]))/gm)) {
    evidenceItems.set(m[1], m[2].replace(/\s+/g, " ").trim());
  }
}

const sourceKeys = new Set(SOURCES.map((s) => s.key));
const evidenceByRef = new Map(EVIDENCE.map((e) => [e.ref, e]));

/** The key's span rule, applied to a lightly canonicalised text (title lines kept; that is harmless here). */
const canonical = article.replace(/\r\n?/g, "\n").replace(/\n+/g, "\n\n").replace(/\*/g, "");
function resolve(quote: string): { start: number; end: number; firstCount: number } {
  const inner = quote.slice(1, -1).replace(/\\n\\n/g, "\n\n").replace(/\*/g, "");
  const parts = inner.split("…").map((p) => p.trim());
  const first = parts[0];
  const last = parts[parts.length - 1];
  const start = canonical.indexOf(first);
  const lastAt = start < 0 ? -1 : canonical.indexOf(last, start + first.length - (parts.length === 1 ? first.length : 0));
  const firstCount = canonical.split(first).length - 1;
  return { start, end: lastAt < 0 ? -1 : lastAt + last.length, firstCount };
}

function expectedStance(status: string) {
  if (status === "false" || status === "misattributed") return "refutes";
  if (status === "verified") return "supports";
  return "context";
}

describe("Baltic demo key transcription", () => {
  it("has 18 entries numbered 1..18, matching the 18 table rows", () => {
    expect(rows.size).toBe(18);
    expect(KEY_ENTRIES).toHaveLength(18);
    expect(KEY_ENTRIES.map((e) => e.n)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it.each(KEY_ENTRIES.map((e) => [e.n, e] as const))("#%i quote equals column 2 of the key verbatim", (n, e) => {
    expect(e.quote).toBe(rows.get(n)![COL.quote]);
  });

  it.each(KEY_ENTRIES.map((e) => [e.n, e] as const))("#%i quote resolves to one place in the article", (_n, e) => {
    const r = resolve(e.quote);
    expect(r.start).toBeGreaterThanOrEqual(0);
    expect(r.end).toBeGreaterThan(r.start);
    expect(r.firstCount).toBe(1);
  });

  it("resolved spans do not overlap", () => {
    const spans = KEY_ENTRIES.map((e) => resolve(e.quote)).sort((a, b) => a.start - b.start);
    for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBeGreaterThanOrEqual(spans[i - 1].end);
  });

  it("claim types and statuses are slugs from the key's vocabularies and match the table", () => {
    expect(CLAIM_TYPES).toHaveLength(7);
    expect(STATUSES).toHaveLength(8);
    for (const e of KEY_ENTRIES) {
      const row = rows.get(e.n)!;
      expect(CLAIM_TYPES).toContain(e.claimType);
      expect(STATUSES).toContain(e.status);
      expect(e.claimType).toBe(row[COL.type]);
      expect(e.status).toBe(row[COL.status]);
    }
  });

  it("claim dates follow the table ('—' is null)", () => {
    for (const e of KEY_ENTRIES) {
      const cell = rows.get(e.n)![COL.date];
      expect(e.claimDate).toBe(cell === "—" ? null : cell);
    }
  });

  it("rationales keep the key's wording", () => {
    for (const e of KEY_ENTRIES) {
      const cell = rows.get(e.n)![COL.rationale];
      const asRef = /^As #(\d+)\.(.*)$/.exec(cell);
      if (asRef) {
        const ref = KEY_ENTRIES.find((x) => x.n === Number(asRef[1]))!;
        expect(e.rationale.startsWith(`As #${asRef[1]}. ${ref.rationale}`)).toBe(true);
        expect(e.rationale.endsWith(asRef[2])).toBe(true);
      } else {
        expect(e.rationale).toBe(cell);
      }
    }
  });

  it("the article's own voice has no wording, speaker or chain; other entries name a speaker", () => {
    for (const e of KEY_ENTRIES) {
      const cell = rows.get(e.n)![COL.attribution];
      if (cell.startsWith("the article")) {
        expect(e.attributionText).toBeNull();
        expect(e.speakerName).toBeNull();
        expect(e.speakerKind).toBeNull();
        expect(e.speakerRole).toBeNull();
        expect(e.chain).toEqual([]);
      } else {
        expect(e.speakerName).toBeTruthy();
        expect(e.speakerKind).not.toBeNull();
        expect(e.attributionText).toBeTruthy();
        expect(canonical).toContain(e.attributionText!);
        const worded = /^"(.*)" →/.exec(cell);
        if (worded) expect(e.attributionText).toBe(worded[1].replace(/\*/g, ""));
      }
    }
  });

  it("'continues #7' keeps #7's speaker", () => {
    const e7 = KEY_ENTRIES.find((e) => e.n === 7)!;
    const e8 = KEY_ENTRIES.find((e) => e.n === 8)!;
    expect(rows.get(8)![COL.attribution]).toMatch(/^continues #7/);
    expect(e8.speakerName).toBe(e7.speakerName);
    expect(e8.speakerKind).toBe(e7.speakerKind);
    expect(e8.speakerRole).toBe(e7.speakerRole);
    expect(e8.attributionText).toBe(e7.attributionText);
    expect(e8.chain).toEqual(e7.chain);
  });

  it("every chain key exists, and each chain has as many hops as the table", () => {
    for (const e of KEY_ENTRIES) {
      for (const k of e.chain) expect(sourceKeys).toContain(k);
      const cell = rows.get(e.n)![COL.chain].replace(/\s*\(.*\)\s*$/, "");
      const hops = cell.split("→").map((h) => h.trim());
      expect(hops[hops.length - 1]).toBe("article");
      expect(e.chain).toHaveLength(hops.length - 1);
    }
    expect(new Set(SOURCES.map((s) => s.key)).size).toBe(SOURCES.length);
  });

  it("the '2021 interview' hop is an undated-by-day document without a URL", () => {
    const interview = SOURCES.find((s) => s.key === "podlesny-2021-interview")!;
    expect(interview).toMatchObject({ kind: "document", url: null, date: "2021" });
  });

  it("evidence refs exist and match the table (E7 cited as both relay pages)", () => {
    expect(new Set(EVIDENCE.map((e) => e.ref)).size).toBe(EVIDENCE.length);
    for (const e of KEY_ENTRIES) {
      for (const x of e.evidence) expect(evidenceByRef.has(x.ref)).toBe(true);
      const cell = rows.get(e.n)![COL.evidence];
      const expected = cell === "—" ? [] : cell.split(",").map((r) => r.trim()).flatMap((r) => (r === "E7" ? ["E7", "E7b"] : [r]));
      expect(e.evidence.map((x) => x.ref)).toEqual(expected);
    }
  });

  it("evidence entries carry the key's URLs", () => {
    expect([...evidenceItems.keys()]).toEqual(["E1", "E2", "E3", "E4", "E5", "E6", "E7", "E8"]);
    for (const ev of EVIDENCE) {
      const item = evidenceItems.get(ev.ref.replace(/b$/, ""))!;
      expect(item).toContain(ev.url);
    }
    const relays = SOURCES.find((s) => s.key === "telegraph-relays")!;
    expect(relays.url).toBe(evidenceByRef.get("E7")!.url);
  });

  it("stance rule: refutes for false/misattributed, supports for verified, context otherwise", () => {
    for (const e of KEY_ENTRIES) {
      for (const x of e.evidence) expect(x.stance).toBe(expectedStance(e.status));
    }
  });

  it("E7's caveat is kept as the note wherever E7 is cited", () => {
    expect(evidenceItems.get("E7")).toContain(E7_CAVEAT);
    for (const e of KEY_ENTRIES) {
      for (const x of e.evidence) {
        if (x.ref === "E7") expect(x.note).toBe(E7_CAVEAT);
        else if (x.ref === "E7b") expect(x.note).toBeTruthy();
      }
    }
  });

  it("article metadata is not invented", () => {
    expect(ARTICLE_META).toEqual({ outlet: null, byline: null, originalUrl: null, publishedDate: null, language: "en" });
  });
});

// Type-level check that the export satisfies the interface (kept for readers; vitest does not typecheck).
const _typed: KeyEntry[] = KEY_ENTRIES;
void _typed;
