import { describe, expect, it } from "vitest";
import { ANALYST, ANNOTATIONS, ARTICLE, CTX, INTERFAX, SPOKESPERSON } from "./__fixtures__/baltic";
import { ANNOTATION_CSV_HEADER, csvField, toAnnotationsCsv, toCsv } from "./csv";

/** A small RFC 4180 parser for round-trip checks. */
function parseCsv(input: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let i = 0;
  let quoted = false;
  while (i < input.length) {
    const c = input[i];
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && input[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
    i++;
  }
  if (field || row.length) throw new Error("unterminated record");
  return rows;
}

describe("toCsv", () => {
  it("quotes fields with commas, quotes, CR or LF and doubles quotes; CRLF line endings", () => {
    const csv = toCsv(["a", "b", "c"], [
      ["plain", 'say "hi", twice', "line\nbreak"],
      [1, null, "cr\rhere"],
    ]);
    expect(csv).toBe('a,b,c\r\nplain,"say ""hi"", twice","line\nbreak"\r\n1,,"cr\rhere"\r\n');
    expect(parseCsv(csv)).toEqual([
      ["a", "b", "c"],
      ["plain", 'say "hi", twice', "line\nbreak"],
      ["1", "", "cr\rhere"],
    ]);
  });

  it("neutralises spreadsheet formulas in text cells", () => {
    expect(csvField("=HYPERLINK(\"http://evil\",\"click\")")).toBe("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\"");
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("-2+3")).toBe("'-2+3");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("\r=1")).toBe("\"'\r=1\"");
    expect(csvField("a=1")).toBe("a=1");
    expect(csvField(-5)).toBe("-5"); // numbers are data, not formulas
    expect(csvField("=1", { protectFormulas: false })).toBe("=1");
  });
});

describe("toAnnotationsCsv", () => {
  const csv = toAnnotationsCsv(ARTICLE, ANNOTATIONS, CTX);
  const [header, ...rows] = parseCsv(csv);
  const record = (id: string) => {
    const row = rows.find((r) => r[0] === id);
    if (!row) throw new Error(`no row ${id}`);
    return Object.fromEntries(header.map((h, i) => [h, row[i]]));
  };

  it("has the documented header and one row per annotation", () => {
    expect(header).toEqual([...ANNOTATION_CSV_HEADER]);
    expect(rows).toHaveLength(ANNOTATIONS.length);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("writes the statement, chain, evidence, people and dates", () => {
    expect(record("ann_analyst")).toEqual({
      annotation_id: "ann_analyst",
      permalink: `${CTX.baseUrl}/articles/${ARTICLE.slug}?annotation=ann_analyst#annotation-ann_analyst`,
      statement: ANALYST.quote.exact,
      start: String(Array.from(ARTICLE.text.slice(0, ANALYST.start)).length),
      end: String(Array.from(ARTICLE.text.slice(0, ANALYST.end)).length),
      claim_type: "Analyst or expert claim",
      status: "Misattributed",
      attribution_text: "one Russian military analyst reportedly",
      speaker: "",
      speaker_role: "Russian military analyst (unnamed)",
      claim_date: "2025-06-24",
      provenance_chain: "The Telegraph → News-Pravda relay",
      evidence_urls:
        "https://latvia.news-pravda.com/en/russia/2025/06/24/19648.html https://newsonlineread.com/europe-is-preparing-a-new-iron-curtain-against-russia-now-from-millions-of-mines",
      rationale: ANALYST.rationale,
      author: "Rita Reviewer",
      approver: "Aino Approver",
      approved_at: "2025-06-30T08:00:00Z",
    });
    expect(record("ann_interfax").provenance_chain).toBe("Foreign ministries of Estonia, Latvia and Lithuania → Interfax");
  });

  it("counts start/end in code points (the emoji note before the statements)", () => {
    expect(Number(record("ann_interfax").start)).toBe(INTERFAX.start - 7);
  });

  it("neutralises a formula typed into a rationale", () => {
    const evil = { ...SPOKESPERSON, id: "ann_evil", rationale: '=IMPORTXML("http://evil.example", "//a")' };
    const [, ...evilRows] = parseCsv(toAnnotationsCsv(ARTICLE, [evil], CTX));
    expect(evilRows[0][ANNOTATION_CSV_HEADER.indexOf("rationale")]).toBe(`'${evil.rationale}`);
  });
});
