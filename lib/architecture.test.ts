/**
 * The import boundaries of ARCHITECTURE.md are enforced by oxlint (.oxlintrc.json). This proves the rules bite:
 * it writes deliberately violating files into the tree, lints them, and expects errors, with clean controls that
 * must pass. It also checks that no rule is switched off inline without a reason on the same line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..");
const require = createRequire(import.meta.url);

/** The oxlint binary of the project's devDependency (OXLINT_BIN overrides it, e.g. before `npm install`). */
function oxlintBin(): string {
  if (process.env.OXLINT_BIN) return process.env.OXLINT_BIN;
  return path.join(path.dirname(require.resolve("oxlint/package.json")), "bin", "oxlint");
}

const probes: string[] = [];
function probe(relative: string, source: string): string {
  const file = path.join(root, relative);
  writeFileSync(file, source);
  probes.push(file);
  return relative;
}
afterAll(() => {
  for (const file of probes) rmSync(file, { force: true });
});

interface LintResult {
  status: number | null;
  rules: string[];
}
function lint(relative: string): LintResult {
  const run = spawnSync(oxlintBin(), ["-c", ".oxlintrc.json", "--deny-warnings", "-f", "json", relative], { cwd: root, encoding: "utf8" });
  if (run.error) throw run.error;
  const report = JSON.parse(run.stdout) as { diagnostics: { code: string }[] };
  return { status: run.status, rules: report.diagnostics.map((d) => d.code) };
}

const tag = `${process.pid}-${Date.now()}`;

describe("import boundaries (oxlint)", () => {
  it("a component importing the data layer fails the lint", () => {
    const file = probe(`components/lint-probe-${tag}.tsx`, `import { db } from "@/lib/server/db";\nexport const probe = db;\n`);
    const result = lint(file);
    expect(result.status).not.toBe(0);
    expect(result.rules).toContain("eslint(no-restricted-imports)");
  });

  it("a component importing a server action from a route folder fails the lint", () => {
    const file = probe(`components/lint-probe-app-${tag}.tsx`, `import { thing } from "@/app/review/guard";\nexport const probe = thing;\n`);
    expect(lint(file).rules).toContain("eslint(no-restricted-imports)");
  });

  it("the domain importing React, Next or the data layer (relatively too) fails the lint", () => {
    const file = probe(
      `lib/text/lint-probe-${tag}.ts`,
      `import { useState } from "react";\nimport { redirect } from "next/navigation";\nimport { db } from "../server/db";\nexport const probe = [useState, redirect, db];\n`,
    );
    const result = lint(file);
    expect(result.status).not.toBe(0);
    expect(result.rules.filter((r) => r === "eslint(no-restricted-imports)")).toHaveLength(3);
  });

  it("controls: a component using lib/contracts and lib/actions, and an action using lib/server, pass", () => {
    const component = probe(
      `components/lint-probe-ok-${tag}.tsx`,
      `import type { ActionState } from "@/lib/contracts/forms";\nimport { reviewAction } from "@/lib/actions/review/annotations";\nexport const probe: [ActionState, typeof reviewAction] = [null, reviewAction];\n`,
    );
    expect(lint(component)).toEqual({ status: 0, rules: [] });
    const action = probe(`lib/actions/lint-probe-ok-${tag}.ts`, `import { requireReviewer } from "@/lib/server/session";\nexport const probe = requireReviewer;\n`);
    expect(lint(action)).toEqual({ status: 0, rules: [] });
  });
});

describe("inline lint suppressions", () => {
  const SOURCE = /\.(ts|tsx|mts|mjs|js)$/;
  /** A suppression comment (line or block) and what follows it on the line. */
  const DIRECTIVE = /(?:\/\/|\/\*)\s*(?:eslint|oxlint)-disable[\w-]*(.*)$/;
  const SKIP = new Set(["node_modules", "generated", ".next", "wpt-annotation-model", "test-results", "playwright-report"]);
  function* sources(dir: string): Generator<string> {
    for (const name of readdirSync(dir)) {
      if (SKIP.has(name) || name.startsWith(".")) continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) yield* sources(full);
      else if (SOURCE.test(name)) yield full;
    }
  }

  it("every eslint-/oxlint-disable comment gives its reason on the same line (`-- why`)", () => {
    const unexplained: string[] = [];
    for (const top of ["app", "components", "lib", "e2e", "scripts", "prisma", "bench"]) {
      if (!existsSync(path.join(root, top))) continue;
      for (const file of sources(path.join(root, top))) {
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            const directive = DIRECTIVE.exec(line);
            if (directive && !/\s--\s+\S/.test(directive[1])) {
              unexplained.push(`${path.relative(root, file)}:${i + 1}`);
            }
          });
      }
    }
    expect(unexplained).toEqual([]);
  });
});
