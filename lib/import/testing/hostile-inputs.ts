/**
 * Adversarial import files (issue 11), each built to a given size in bytes. Shared by the linearity tests and
 * bench/hostile-input.ts. Every one was super-linear (or crashed) in the first importer.
 */
export interface HostileInput {
  name: string;
  fileName: string;
  /** The file's text, about `bytes` long in UTF-8. */
  make(bytes: number): string;
  /** A smaller size for the linearity test, for inputs that are linear but slow per byte. */
  testBytes?: number;
}

const repeatTo = (unit: string, bytes: number, unitBytes = Buffer.byteLength(unit)) => unit.repeat(Math.max(1, Math.floor(bytes / unitBytes)));

const VOCAB = (
  "minister budget growth percent report ministry official said would could committee parliament spokesperson " +
  "election government policy agency figure claim data survey economy inflation rate year month week analyst " +
  "source document statement press interview public health border security defence treaty council vote"
).split(" ");

/** Ordinary news prose: paragraphs of 4–7 sentences, some quoted with an attribution, some with emphasis. */
export function ordinaryProse(bytes: number): string {
  let seed = 42;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const word = () => VOCAB[Math.floor(rnd() * VOCAB.length)];
  const paragraphs: string[] = ["An ordinary long article"];
  let size = paragraphs[0].length;
  while (size < bytes) {
    const sentences: string[] = [];
    const n = 4 + Math.floor(rnd() * 4);
    for (let s = 0; s < n; s++) {
      const w = Array.from({ length: 12 + Math.floor(rnd() * 11) }, word);
      w[0] = w[0][0].toUpperCase() + w[0].slice(1);
      if (rnd() < 0.05) w[3] = `*${w[3]}*`;
      let sentence = `${w.join(" ")}.`;
      if (rnd() < 0.1) sentence = `“${sentence}” the ${word()} said.`;
      sentences.push(sentence);
    }
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    size += Buffer.byteLength(paragraph) + 2;
  }
  return paragraphs.join("\n\n");
}

export const HOSTILE_INPUTS: HostileInput[] = [
  { name: "Markdown line of spaces", fileName: "spaces.md", make: (b) => `Spaces\n\n${repeatTo(" ", b - 20)}The end.` },
  { name: "Markdown `[` run", fileName: "brackets.md", make: (b) => `Brackets\n\n${repeatTo("[", b - 20)} The end.` },
  { name: "Short sentences, one paragraph", fileName: "sentences.txt", make: (b) => `Sentences\n\n${repeatTo("Ab cd. ", b - 20).trim()}` },
  { name: "One-word paragraphs", fileName: "lines.txt", make: (b) => `Lines\n\n${repeatTo("Ab\n", b - 20)}`, testBytes: 60_000 },
  { name: "Curly and straight quotes", fileName: "quotes.txt", make: (b) => `Quotes\n\n${repeatTo("“\"‘", b - 20)}` },
  { name: "Emphasis markers, none closed", fileName: "emphasis.md", make: (b) => `Emphasis\n\n${repeatTo("*a _b **c ", b - 20)}` },
  { name: "HTML <div> nested deep", fileName: "nested.html", make: (b) => `${repeatTo("<div>", b - 20)}Deep.` },
  { name: "HTML unclosed <b>", fileName: "unclosed.html", make: (b) => `<h1>Bold</h1><p>${repeatTo("<b>", b - 40)}Text.</p>` },
  { name: "Ordinary prose", fileName: "prose.txt", make: (b) => ordinaryProse(b) },
];
