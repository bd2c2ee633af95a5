import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { anonymousReader, inviteeActor, mintUserActor, systemActor } from "./actors";
import { authorize, authorizePerson } from "./authorize";

const root = path.resolve(import.meta.dirname, "../..");

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".") || name === "generated") continue;
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) sourceFiles(full, out);
    else if (/\.(ts|tsx|mts)$/.test(name)) out.push(path.relative(root, full));
  }
  return out;
}

// Type test (tsc checks this file): an Actor cannot be written by hand, so no call can skip the checks that make one.
// @ts-expect-error the brand is a symbol no other module can name
const forged: import("./actors").Actor = { kind: "user", id: "u", email: "x@example.org", name: "X", role: "admin", via: "session" };
void forged;

describe("who can make an Actor", () => {
  it("only the modules that check a credential (and test helpers) mint a person's actor", () => {
    const allowed = new Set([
      "lib/server/actors.ts",
      "lib/server/actors.test.ts",
      "lib/server/session.ts",
      "lib/server/sign-in.ts",
      "lib/server/admin/users.ts",
      "lib/server/admin/page-guard.ts",
      "lib/server/testing/actors.ts",
    ]);
    const users = ["app", "components", "lib", "prisma", "scripts", "bench"]
      .flatMap((d) => sourceFiles(path.join(root, d)))
      .filter((f) => readFileSync(path.join(root, f), "utf8").includes("mintUserActor"));
    expect(users.filter((f) => !allowed.has(f))).toEqual([]);
  });

  it("only the demo seed acts as someone (and tests of that), never the app", () => {
    const users = ["app", "components", "lib", "prisma", "scripts", "bench"]
      .flatMap((d) => sourceFiles(path.join(root, d)))
      .filter((f) => /\bactingAs\(/.test(readFileSync(path.join(root, f), "utf8")));
    expect(users.filter((f) => !["lib/server/actors.ts", "lib/server/actors.test.ts", "prisma/demo/seed-demo.ts"].includes(f))).toEqual([]);
  });

  it("checks every actor kind against the one policy", () => {
    const reviewer = mintUserActor({ id: "u", email: "r@example.org", name: "R", role: "reviewer" }, "test");
    const admin = mintUserActor({ id: "a", email: "a@example.org", name: "A", role: "admin" }, "test");
    expect(() => authorize(reviewer, "review")).not.toThrow();
    expect(() => authorize(reviewer, "invite")).toThrow(expect.objectContaining({ reason: "forbidden" }));
    expect(() => authorize(admin, "invite")).not.toThrow();
    expect(() => authorize(anonymousReader(), "edit")).toThrow(expect.objectContaining({ reason: "unauthenticated" }));
    expect(() => authorize(anonymousReader(), "read_published")).not.toThrow();
    expect(() => authorize(inviteeActor("t"), "accept_invitation")).not.toThrow();
    expect(() => authorize(inviteeActor("t"), "invite")).toThrow(expect.objectContaining({ reason: "unauthenticated" }));
    const script = systemActor("create-admin");
    expect(() => authorize(script, "create_account")).not.toThrow();
    expect(() => authorize(admin, "create_account")).toThrow(expect.objectContaining({ reason: "forbidden" }));
    // A script has no person to put on record as an author or approver.
    expect(() => authorizePerson(script, "edit")).toThrow(expect.objectContaining({ reason: "forbidden" }));
    expect(() => systemActor("  ")).toThrow(/reason/);
  });

  it("an actor is frozen: its role cannot be raised after the check", () => {
    const reviewer = mintUserActor({ id: "u", email: "r@example.org", name: "R", role: "reviewer" }, "test");
    expect(() => Object.assign(reviewer, { role: "admin" })).toThrow(TypeError);
  });
});
