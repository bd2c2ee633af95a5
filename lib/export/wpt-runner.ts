/**
 * Runs the W3C's Web Annotation assertions (web-platform-tests `annotation-model/`, copied into
 * ./wpt-annotation-model — see its SOURCE.md) against an annotation. Node-only (reads the files); used by tests and
 * tooling, not re-exported from ./index.
 *
 * A `.test` manifest is JSON whose `assertions` lists assertion files relative to `annotation-model/`. Each assertion
 * is a draft-04 JSON Schema checked against the whole annotation; it passes when the validation outcome equals its
 * `expectedResult` ("valid" unless stated). `assertionType` says how serious a miss is (must / should / may).
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import Ajv, { type AnySchemaObject, type ValidateFunction } from "ajv-draft-04";
import addFormats from "ajv-formats";

export const WPT_ROOT = fileURLToPath(new URL("./wpt-annotation-model/", import.meta.url));

export type AssertionType = "must" | "should" | "may";
export type Outcome = "valid" | "invalid";

export interface AssertionResult {
  file: string;
  title: string;
  assertionType: AssertionType;
  expectedResult: Outcome;
  outcome: Outcome | "skipped";
  passed: boolean;
  errorMessage: string;
  skipReason?: string;
}

type AssertionSchema = AnySchemaObject & {
  title?: string;
  assertionType?: AssertionType;
  expectedResult?: Outcome;
  errorMessage?: string;
};

export interface WptSuite {
  /** Assertion files listed by a manifest (path relative to the suite root, e.g. "annotations/annotationMusts.test"). */
  manifest(manifestPath: string): string[];
  /** Runs every assertion of a manifest; `skip` maps an assertion file to the reason it cannot run. */
  run(manifestPath: string, annotation: unknown, skip?: Record<string, string>): AssertionResult[];
  /** Whether `value` matches one of the suite's definitions, e.g. "specificResource.json#/definitions/timeStateDetected". */
  matches(definitionRef: string, value: unknown): boolean;
}

export function loadWptSuite(root: string = WPT_ROOT): WptSuite {
  const ajv = new Ajv({ strict: false, allErrors: false });
  addFormats(ajv);
  const definitionsDir = path.join(root, "definitions");
  for (const file of readdirSync(definitionsDir).filter((f) => f.endsWith(".json")).sort()) {
    ajv.addSchema(JSON.parse(readFileSync(path.join(definitionsDir, file), "utf8")) as AnySchemaObject);
  }

  const compiled = new Map<string, { schema: AssertionSchema; validate: ValidateFunction }>();
  const assertion = (file: string) => {
    let entry = compiled.get(file);
    if (!entry) {
      const schema = JSON.parse(readFileSync(path.join(root, file), "utf8")) as AssertionSchema;
      entry = { schema, validate: ajv.compile(schema) };
      compiled.set(file, entry);
    }
    return entry;
  };

  const manifest = (manifestPath: string): string[] => {
    const parsed = JSON.parse(readFileSync(path.join(root, manifestPath), "utf8")) as { assertions?: unknown[] };
    return (parsed.assertions ?? []).map((entry) => {
      if (typeof entry !== "string") throw new Error(`Unsupported assertion entry in ${manifestPath}: ${JSON.stringify(entry)}`);
      return entry.trim();
    });
  };

  const run = (manifestPath: string, annotation: unknown, skip: Record<string, string> = {}): AssertionResult[] =>
    manifest(manifestPath).map((file) => {
      if (skip[file]) {
        const raw = JSON.parse(readFileSync(path.join(root, file), "utf8")) as AssertionSchema;
        return {
          file,
          title: raw.title ?? file,
          assertionType: raw.assertionType ?? "must",
          expectedResult: raw.expectedResult ?? "valid",
          outcome: "skipped",
          passed: false,
          errorMessage: raw.errorMessage ?? "",
          skipReason: skip[file],
        };
      }
      const { schema, validate } = assertion(file);
      const outcome: Outcome = validate(annotation) ? "valid" : "invalid";
      const expectedResult = schema.expectedResult ?? "valid";
      return {
        file,
        title: schema.title ?? file,
        assertionType: schema.assertionType ?? "must",
        expectedResult,
        outcome,
        passed: outcome === expectedResult,
        errorMessage: schema.errorMessage ?? "",
      };
    });

  const matches = (definitionRef: string, value: unknown): boolean => ajv.validate({ $ref: definitionRef }, value) as boolean;

  return { manifest, run, matches };
}
