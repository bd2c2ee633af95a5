/**
 * Times each hostile import file (issue 11) at the 2 MB limit through the whole pure import pipeline
 * (decode → Markdown/HTML to text → normalise → hash → propose statements), and prints a Markdown table.
 * Run: npx tsx bench/hostile-input.ts [bytes]
 */
import { prepareImport } from "../lib/import/prepare-import";
import { HOSTILE_INPUTS } from "../lib/import/testing/hostile-inputs";

// Just under both limits: 2 MB for the file, 2,000,000 characters for the text.
const bytes = Number(process.argv[2] ?? 1_990_000);
const rows: string[] = ["| input | bytes | ms | result |", "| --- | ---: | ---: | --- |"];
for (const input of HOSTILE_INPUTS) {
  const file = new TextEncoder().encode(input.make(bytes));
  const started = performance.now();
  const result = prepareImport({ file: { name: input.fileName, bytes: file }, text: "" });
  const ms = performance.now() - started;
  const outcome = result.ok
    ? `${result.prepared.statements.length.toLocaleString("en")} statements, ${result.prepared.text.length.toLocaleString("en")} chars`
    : `refused: ${result.message}`;
  rows.push(`| ${input.name} (${input.fileName}) | ${file.byteLength.toLocaleString("en")} | ${ms.toFixed(0)} | ${outcome} |`);
}
console.log(rows.join("\n"));
