import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";

const session = vi.hoisted(() => ({ requireReviewer: vi.fn(), requireAdmin: vi.fn() }));
vi.mock("@/lib/server/session", () => session);

const { defineAction, formStrings } = await import("./kit");
const { ActionRefusal, ADMIN_WORDING, REVIEW_WORDING, UNEXPECTED_FAILURE_MESSAGE } = await import("./errors");
const { AccessDeniedError, ConflictError, DomainRuleError, NotFoundError } = await import("@/lib/server/errors");
const { redirect } = await import("next/navigation");

const REVIEWER = { id: "u1", email: "r@example.org", name: "Rita", role: "reviewer" as const };
const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const NameSchema = z.object({ name: z.string().trim().min(1, "Name is required.") });

beforeEach(() => {
  session.requireReviewer.mockReset().mockResolvedValue(REVIEWER);
  session.requireAdmin.mockReset().mockResolvedValue({ ...REVIEWER, role: "admin" });
});

describe("defineAction", () => {
  it("checks the actor before it reads the form: a signed-out caller gets the sign-in failure, not field errors", async () => {
    session.requireReviewer.mockRejectedValue(new AccessDeniedError("unauthenticated"));
    const read = vi.fn(formStrings);
    const handler = vi.fn();
    const action = defineAction(NameSchema, handler, { actor: "reviewer", read });
    const state = await action(null, form({ name: "" }));
    expect(state).toEqual({ ok: false, message: REVIEW_WORDING.unauthenticated, signedOut: true });
    expect(read).not.toHaveBeenCalled();
    expect(handler).not.toHaveBeenCalled();
  });

  it("uses requireAdmin for admin actions, with the admin wording for a refusal", async () => {
    session.requireAdmin.mockRejectedValue(new AccessDeniedError("forbidden"));
    const action = defineAction(NameSchema, async () => ({ message: "done" }), { actor: "admin" });
    expect(await action(null, form({ name: "x" }))).toEqual({ ok: false, message: ADMIN_WORDING.forbidden });
    expect(session.requireReviewer).not.toHaveBeenCalled();
  });

  it("asks no session of an invitee (the token is the credential)", async () => {
    const action = defineAction(NameSchema, async ({ name }, { actor }) => ({ message: `hi ${name}`, actor: actor.kind === "invitee" }), { actor: "invitee" });
    expect(await action(null, form({ name: "Ann" }))).toEqual({ ok: true, message: "hi Ann", actor: true });
    expect(session.requireReviewer).not.toHaveBeenCalled();
    expect(session.requireAdmin).not.toHaveBeenCalled();
  });

  it("acts for an anonymous reader without asking for a session", async () => {
    const action = defineAction(NameSchema, async ({ name }, { actor }) => ({ message: `thanks ${name}`, actor: actor.kind }), { actor: "reader" });
    expect(await action(null, form({ name: "Ann" }))).toEqual({ ok: true, message: "thanks Ann", actor: "reader" });
    expect(session.requireReviewer).not.toHaveBeenCalled();
    expect(session.requireAdmin).not.toHaveBeenCalled();
  });

  it("hands the parsed input and the actor to the handler and returns its answer as a success", async () => {
    const handler = vi.fn(async (input: { name: string }, ctx: { actor: unknown }) => ({ message: "Saved.", echoed: input.name, by: ctx.actor }));
    const action = defineAction(NameSchema, handler, { actor: "reviewer" });
    expect(await action(null, form({ name: "  Ann  ", $ACTION_ID_x: "" }))).toEqual({ ok: true, message: "Saved.", echoed: "Ann", by: REVIEWER });
  });

  it("turns a zod failure into field errors, without the field prefix, and hands back the echoed values", async () => {
    const schema = z.object({ fields: z.object({ claimTypeSlug: z.string().min(1, "Choose a claim type.") }) });
    const action = defineAction(schema, async () => ({ message: "never" }), {
      actor: "reviewer",
      read: () => ({ fields: { claimTypeSlug: "" } }),
      fieldPrefix: "fields.",
      echo: () => ({ title: "kept" }),
    });
    expect(await action(null, form({}))).toEqual({
      ok: false,
      message: REVIEW_WORDING.invalid,
      fieldErrors: { claimTypeSlug: "Choose a claim type." },
      values: { title: "kept" },
    });
  });

  it("maps the data layer's deliberate errors with their own messages", async () => {
    const failWith = (error: unknown) => defineAction(NameSchema, async () => Promise.reject(error), { actor: "reviewer" })(null, form({ name: "x" }));
    expect(await failWith(new DomainRuleError("Too long.", "name"))).toEqual({ ok: false, message: "Too long.", fieldErrors: { name: "Too long." } });
    expect(await failWith(new DomainRuleError("Not allowed.", "_form"))).toEqual({ ok: false, message: "Not allowed." });
    expect(await failWith(new NotFoundError("Annotation"))).toEqual({ ok: false, message: "Annotation not found." });
    const details = { currentVersion: 4, changedBy: "Bo", changes: [] };
    expect(await failWith(new ConflictError("Changed meanwhile.", details))).toEqual({ ok: false, message: "Changed meanwhile.", conflict: details });
    // A database row passed as `current` is not conflict details and must not reach the browser.
    expect(await failWith(new ConflictError("Changed meanwhile.", { id: "row", passwordHash: "x" }))).toEqual({ ok: false, message: "Changed meanwhile." });
    expect(await failWith(new ActionRefusal("Bad file. Nothing was imported.", { file: "Bad file." }))).toEqual({ ok: false, message: "Bad file. Nothing was imported.", fieldErrors: { file: "Bad file." } });
  });

  it("logs an unexpected error and answers with a generic failure that leaks nothing", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const action = defineAction(NameSchema, async () => Promise.reject(new Error("SQLITE_BUSY at /srv/db")), { actor: "reviewer" });
    expect(await action(null, form({ name: "x" }))).toEqual({ ok: false, message: UNEXPECTED_FAILURE_MESSAGE });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });

  it("lets a handler replace the values a later failure hands back", async () => {
    const action = defineAction(
      NameSchema,
      async (_input, { keepValues }) => {
        keepValues({ text: "converted from the file" });
        throw new DomainRuleError("The article text is empty.", "text");
      },
      { actor: "reviewer", echo: () => ({ text: "" }) },
    );
    expect(await action(null, form({ name: "x" }))).toMatchObject({ ok: false, values: { text: "converted from the file" } });
  });

  it("lets a redirect from the handler through instead of reporting it as a failure", async () => {
    const action = defineAction(NameSchema, async () => redirect("/review/articles/a1"), { actor: "reviewer" });
    await expect(action(null, form({ name: "x" }))).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
  });
});
