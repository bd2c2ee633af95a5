import { describe, expect, it } from "vitest";
import type { Tx } from "./db";
import { writeAudit } from "./audit";
import { systemActor } from "./actors";

/** Never run: tsc --noEmit checks these calls, and each @ts-expect-error fails the type check if its call compiles. */
async function typeChecks(tx: Tx) {
  const actor = systemActor("type test");
  await writeAudit(tx, actor, { action: "article.unpublish", entityId: "a", data: { before: { state: "published" }, after: { state: "draft" } } });
  // @ts-expect-error an unpublish goes to "draft", not "archived"
  await writeAudit(tx, actor, { action: "article.unpublish", entityId: "a", data: { before: { state: "published" }, after: { state: "archived" } } });
  // @ts-expect-error a return records the new version
  await writeAudit(tx, actor, { action: "annotation.return", entityId: "a", data: { before: { workflowState: "in_review", approvedStatusSlug: null }, after: { workflowState: "draft" } } });
  // @ts-expect-error an action outside the catalogue cannot be written
  await writeAudit(tx, actor, { action: "annotation.approve_revision", entityId: "a", data: {} });
}
void typeChecks;

describe("writeAudit", () => {
  it("refuses at run time a payload that slipped past the types (e.g. through `as never`)", async () => {
    const writes: unknown[] = [];
    const tx = { auditEvent: { create: async (args: unknown) => void writes.push(args) } } as unknown as Tx;
    const actor = systemActor("audit test");
    await expect(writeAudit(tx, actor, { action: "article.unpublish", entityId: "a", data: { before: { state: "published" }, after: { state: "archived" } } as never })).rejects.toThrow(
      /does not match the catalogue/,
    );
    expect(writes).toHaveLength(0);
    await writeAudit(tx, actor, { action: "user.sign_in", entityId: "u", data: {} });
    expect(writes).toEqual([{ data: expect.objectContaining({ actorId: null, actorLabel: "system", action: "user.sign_in", entityType: "user", comment: "audit test" }) }]);
  });
});
