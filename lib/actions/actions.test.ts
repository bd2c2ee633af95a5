import { beforeEach, describe, expect, it, vi } from "vitest";

// The actions' own work: which actor they require, how they read the form, and the messages they answer with.
// The data layer is mocked; its checks are tested in lib/server.
const session = vi.hoisted(() => ({ requireReviewer: vi.fn(), requireAdmin: vi.fn() }));
const annotations = vi.hoisted(() => ({ saveAnnotation: vi.fn(), reviewAnnotation: vi.fn(), deleteAnnotation: vi.fn(), searchSources: vi.fn() }));
const users = vi.hoisted(() => ({ inviteUser: vi.fn(), acceptInvitation: vi.fn(), changeUserRole: vi.fn(), deactivateUser: vi.fn(), reactivateUser: vi.fn(), resetUserPassword: vi.fn() }));
vi.mock("@/lib/server/session", () => session);
vi.mock("@/lib/server/review/annotations", () => annotations);
vi.mock("@/lib/server/admin/users", () => users);
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const { saveAnnotationAction, reviewAction, searchSourcesAction } = await import("./review/annotations");
const { inviteAction, setActiveAction } = await import("./admin/users");
const { acceptInvitationAction } = await import("./invite/accept");
const { AccessDeniedError, DomainRuleError } = await import("@/lib/server/errors");

const form = (fields: Record<string, string>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
};
const FIELDS = { claimTypeSlug: "official-statement", statusSlug: "verified", attributionText: "", speakerName: "", speakerKind: "", speakerRole: "", claimDate: "", rationale: "", chain: [], evidence: [] };

beforeEach(() => {
  vi.clearAllMocks();
  session.requireReviewer.mockResolvedValue({ id: "u1", email: "r@example.org", name: "Rita", role: "reviewer" });
  session.requireAdmin.mockResolvedValue({ id: "a1", email: "a@example.org", name: "Ada", role: "admin" });
});

describe("review actions", () => {
  it("saveAnnotationAction reads the JSON payload and the pressed button", async () => {
    annotations.saveAnnotation.mockResolvedValue({ version: 3 });
    const state = await saveAnnotationAction(null, form({ payload: JSON.stringify({ statementId: "s1", baseVersion: 2, fields: FIELDS }), intent: "submit", articleId: "a1" }));
    expect(state).toMatchObject({ ok: true, message: "Saved and submitted for review.", version: 3 });
    expect(annotations.saveAnnotation).toHaveBeenCalledWith(expect.objectContaining({ id: "u1" }), expect.objectContaining({ statementId: "s1", baseVersion: 2, intent: "submit" }));
  });

  it("saveAnnotationAction shows field errors under the form's own names (without 'fields.')", async () => {
    const state = await saveAnnotationAction(null, form({ payload: JSON.stringify({ statementId: "s1", baseVersion: null, fields: { ...FIELDS, claimTypeSlug: "" } }), intent: "draft" }));
    expect(state).toEqual({ ok: false, message: "Some fields need attention: see the messages next to them.", fieldErrors: { claimTypeSlug: "Choose a claim type." } });
    expect(annotations.saveAnnotation).not.toHaveBeenCalled();
  });

  it("saveAnnotationAction refuses an unreadable payload", async () => {
    const state = await saveAnnotationAction(null, form({ payload: "{oops", intent: "draft" }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { _form: "The form could not be read. Reload the page." } });
  });

  it("reviewAction requires a comment to return, before the data layer is called", async () => {
    const state = await reviewAction(null, form({ decision: "return", annotationId: "n1", version: "2", comment: " " }));
    expect(state).toMatchObject({ ok: false, fieldErrors: { comment: "Say why you are returning it: a comment is required." } });
    expect(annotations.reviewAnnotation).not.toHaveBeenCalled();
  });

  it("reviewAction tells a signed-out reviewer to sign in again", async () => {
    session.requireReviewer.mockRejectedValue(new AccessDeniedError("unauthenticated"));
    const state = await reviewAction(null, form({ decision: "approve", annotationId: "n1", version: "2" }));
    expect(state).toEqual({ ok: false, message: "Your session has ended or your account is no longer active. Please sign in again.", signedOut: true });
  });

  it("searchSourcesAction answers with the sources found", async () => {
    annotations.searchSources.mockResolvedValue([{ id: "src1", name: "Interfax" }]);
    expect(await searchSourcesAction(null, form({ query: " inter " }))).toEqual({ ok: true, message: "", sources: [{ id: "src1", name: "Interfax" }] });
    expect(annotations.searchSources).toHaveBeenCalledWith(expect.objectContaining({ id: "u1" }), "inter");
  });
});

describe("admin and invitation actions", () => {
  it("inviteAction hands the typed values back with the field errors", async () => {
    const state = await inviteAction(null, form({ name: "Bo", email: "not-an-email", role: "reviewer" }));
    expect(state).toEqual({ ok: false, message: "Check the highlighted fields.", fieldErrors: { email: "Enter a valid email address." }, values: { name: "Bo", email: "not-an-email", role: "reviewer" } });
    expect(users.inviteUser).not.toHaveBeenCalled();
  });

  it("setActiveAction reactivates or deactivates by the intent field", async () => {
    users.reactivateUser.mockResolvedValue({ name: "Bo", active: true });
    expect(await setActiveAction(null, form({ userId: "u2", version: "3", intent: "reactivate" }))).toEqual({ ok: true, message: "Bo is active again." });
    expect(users.reactivateUser).toHaveBeenCalledWith(expect.objectContaining({ id: "a1" }), { userId: "u2", version: 3 });
  });

  it("acceptInvitationAction never hands a password back", async () => {
    users.acceptInvitation.mockRejectedValue(new DomainRuleError("The password must not contain your email address.", "password"));
    const token = "t".repeat(43);
    const state = await acceptInvitationAction(null, form({ token, password: "bo@example.org-long", confirm: "bo@example.org-long" }));
    expect(state).toEqual({ ok: false, message: "The password must not contain your email address.", fieldErrors: { password: "The password must not contain your email address." }, values: { token } });
    expect(session.requireAdmin).not.toHaveBeenCalled();
  });
});
