import "server-only";
import { db, type Tx } from "../db";
import { env } from "../env";
import { writeAudit } from "../audit";
import { hashPassword } from "../passwords";
import { mintUserActor, type Actor } from "../actors";
import { authorize } from "../authorize";
import { ConflictError, DomainRuleError, NotFoundError } from "../errors";
import { generateToken, hashToken, isWellFormedToken } from "@/lib/security/tokens";
import {
  AcceptInvitationSchema,
  ChangeRoleSchema,
  INVITATION_TTL_MS,
  InviteUserSchema,
  passwordProblem,
  UserVersionSchema,
} from "@/lib/validation/admin";
import type { Role } from "@/lib/domain/types";
import type { AdminUserDTO } from "@/lib/contracts/admin-dto";
import { parseInput } from "./common";
import { sendLinkEmail, type MailResult } from "./mail";

export type { AdminUserDTO };

export interface LinkResult {
  user: AdminUserDTO;
  link: string;
  expiresAt: string;
  email: MailResult;
}

const userSelect = {
  id: true,
  email: true,
  name: true,
  role: true,
  active: true,
  passwordHash: true,
  lastSignInAt: true,
  createdAt: true,
  version: true,
  _count: { select: { authoredAnnotations: true, approvedAnnotations: true } },
  invitations: { where: { usedAt: null }, orderBy: { createdAt: "desc" as const }, take: 1, select: { purpose: true, expiresAt: true } },
} as const;

type UserRow = {
  id: string;
  email: string;
  name: string;
  role: string;
  active: boolean;
  passwordHash: string | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  version: number;
  _count: { authoredAnnotations: number; approvedAnnotations: number };
  invitations: { purpose: string; expiresAt: Date }[];
};

function toDTO(u: UserRow, now = new Date()): AdminUserDTO {
  const pending = u.invitations[0];
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    role: u.role as Role,
    active: u.active,
    hasPassword: u.passwordHash !== null,
    lastSignInAt: u.lastSignInAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
    version: u.version,
    annotationsAuthored: u._count.authoredAnnotations,
    annotationsApproved: u._count.approvedAnnotations,
    pendingLink: pending && pending.expiresAt > now ? { purpose: pending.purpose as "invite" | "reset", expiresAt: pending.expiresAt.toISOString() } : null,
  };
}

/** The audit view of a user: never a password hash or a token. */
const auditView = (u: { email: string; name: string; role: string; active: boolean }) => ({ email: u.email, name: u.name, role: u.role, active: u.active });

export function invitationLink(token: string): string {
  return `${env().PUBLIC_BASE_URL}/invite/${token}`;
}

/** Admin: everyone, admins first, then by name. */
export async function listUsers(actor: Actor): Promise<AdminUserDTO[]> {
  authorize(actor, "invite");
  const rows = await db.user.findMany({ select: userSelect, orderBy: [{ active: "desc" }, { role: "asc" }, { name: "asc" }] });
  return rows.map((r) => toDTO(r));
}

async function loadUser(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: userSelect });
  if (!user) throw new NotFoundError("User");
  return user;
}

const STALE = "This person's account was changed by someone else since you loaded the page. Reload the page and try again.";

async function bumpVersion(tx: Tx, id: string, version: number, data: Record<string, unknown>): Promise<void> {
  const { count } = await tx.user.updateMany({ where: { id, version }, data: { ...data, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError(STALE);
}

/** Refuses a change that would leave no active admin. */
async function assertNotLastAdmin(tx: Tx, target: { id: string; name: string; role: string; active: boolean }, change: "demote" | "deactivate") {
  if (target.role !== "admin" || !target.active) return;
  const others = await tx.user.count({ where: { role: "admin", active: true, id: { not: target.id } } });
  if (others === 0) {
    throw new DomainRuleError(
      `${target.name} is the last active admin and cannot be ${change === "demote" ? "made a reviewer" : "deactivated"}. Make another person an admin first.`,
    );
  }
}

async function createLink(tx: Tx, userId: string, purpose: "invite" | "reset", actor: Actor, now: Date) {
  // A new link replaces any earlier unused one: only the newest works.
  await tx.userInvitation.updateMany({ where: { userId, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  const token = generateToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
  await tx.userInvitation.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt, createdById: actor.kind === "user" ? actor.id : null } });
  return { token, expiresAt };
}

/** Admin: creates the account (no password yet) and a single-use link valid for 7 days; e-mails it when SMTP is set. */
export async function inviteUser(actor: Actor, input: unknown): Promise<LinkResult> {
  authorize(actor, "invite");
  const data = parseInput(InviteUserSchema, input);
  const now = new Date();
  const { userId, token, expiresAt } = await db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: data.email }, select: { name: true, active: true } });
    if (existing) {
      throw new DomainRuleError(
        `There is already an account for ${data.email} (${existing.name}${existing.active ? "" : ", deactivated"}). Use “Reset password” on it to send a new link.`,
        "email",
      );
    }
    const user = await tx.user.create({ data: { email: data.email, name: data.name, role: data.role } });
    const link = await createLink(tx, user.id, "invite", actor, now);
    await writeAudit(tx, actor, { action: "user.invite", entityId: user.id, data: { after: { ...auditView(user), invitationExpiresAt: link.expiresAt.toISOString() } } });
    return { userId: user.id, ...link };
  });
  const link = invitationLink(token);
  const email = await sendLinkEmail({ to: data.email, name: data.name, link, purpose: "invite", expiresAt });
  return { user: toDTO(await loadUser(db, userId)), link, expiresAt: expiresAt.toISOString(), email };
}

/** Admin: admin ⇄ reviewer. The last active admin cannot be made a reviewer. */
export async function changeUserRole(actor: Actor, input: unknown): Promise<AdminUserDTO> {
  authorize(actor, "invite");
  const data = parseInput(ChangeRoleSchema, input);
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, data.userId);
    if (user.version !== data.version) throw new ConflictError(STALE);
    if (user.role === data.role) throw new DomainRuleError(`${user.name} is already ${data.role === "admin" ? "an admin" : "a reviewer"}.`, "role");
    if (data.role !== "admin") await assertNotLastAdmin(tx, user, "demote");
    await bumpVersion(tx, user.id, data.version, { role: data.role });
    await writeAudit(tx, actor, { action: "user.role_change", entityId: user.id, data: { before: auditView(user), after: auditView({ ...user, role: data.role }) } });
  });
  return toDTO(await loadUser(db, data.userId));
}

/**
 * Admin: deactivates an account. Its sessions end at once (the session version is bumped, so every JWT issued
 * before is refused on its next request); unused links stop working; annotations keep their author.
 */
export async function deactivateUser(actor: Actor, input: unknown): Promise<AdminUserDTO> {
  authorize(actor, "invite");
  const data = parseInput(UserVersionSchema, input);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, data.userId);
    if (user.version !== data.version) throw new ConflictError(STALE);
    if (!user.active) throw new DomainRuleError(`${user.name} is already deactivated.`);
    await assertNotLastAdmin(tx, user, "deactivate");
    if (actor.kind === "user" && user.id === actor.id) throw new DomainRuleError("You cannot deactivate your own account. Ask another admin.");
    await bumpVersion(tx, user.id, data.version, { active: false, sessionVersion: { increment: 1 } });
    await tx.userInvitation.updateMany({ where: { userId: user.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
    await writeAudit(tx, actor, { action: "user.deactivate", entityId: user.id, data: { before: auditView(user), after: auditView({ ...user, active: false }) } });
  });
  return toDTO(await loadUser(db, data.userId));
}

/** Admin: lets a deactivated account sign in again (with its old password, if it had one). */
export async function reactivateUser(actor: Actor, input: unknown): Promise<AdminUserDTO> {
  authorize(actor, "invite");
  const data = parseInput(UserVersionSchema, input);
  await db.$transaction(async (tx) => {
    const user = await loadUser(tx, data.userId);
    if (user.version !== data.version) throw new ConflictError(STALE);
    if (user.active) throw new DomainRuleError(`${user.name} is already active.`);
    await bumpVersion(tx, user.id, data.version, { active: true });
    await writeAudit(tx, actor, { action: "user.reactivate", entityId: user.id, data: { before: auditView(user), after: auditView({ ...user, active: true }) } });
  });
  return toDTO(await loadUser(db, data.userId));
}

/**
 * Admin: a new single-use link to set a password. The old password stops working and open sessions end at once;
 * an account that never set a password gets a fresh invitation instead.
 */
export async function resetUserPassword(actor: Actor, input: unknown): Promise<LinkResult> {
  authorize(actor, "invite");
  const data = parseInput(UserVersionSchema, input);
  const now = new Date();
  const { user, token, expiresAt, purpose } = await db.$transaction(async (tx) => {
    const user = await loadUser(tx, data.userId);
    if (user.version !== data.version) throw new ConflictError(STALE);
    if (!user.active) throw new DomainRuleError(`${user.name} is deactivated. Reactivate the account first.`);
    const purpose: "invite" | "reset" = user.passwordHash || user.lastSignInAt ? "reset" : "invite";
    await bumpVersion(tx, user.id, data.version, { passwordHash: null, sessionVersion: { increment: 1 } });
    const link = await createLink(tx, user.id, purpose, actor, now);
    await writeAudit(tx, actor, {
      action: "user.password_reset",
      entityId: user.id,
      data: {
        before: { ...auditView(user), hasPassword: user.passwordHash !== null },
        after: { ...auditView(user), hasPassword: false, linkPurpose: purpose, linkExpiresAt: link.expiresAt.toISOString() },
      },
    });
    return { user, purpose, ...link };
  });
  const link = invitationLink(token);
  const email = await sendLinkEmail({ to: user.email, name: user.name, link, purpose, expiresAt });
  return { user: toDTO(await loadUser(db, data.userId)), link, expiresAt: expiresAt.toISOString(), email };
}

export type InvitationView =
  | { state: "valid"; email: string; name: string; purpose: "invite" | "reset"; expiresAt: string }
  | { state: "invalid" | "used" | "expired" | "inactive" };

/** Public (the link is the credential): what an invitation/reset link is for, without revealing anything for a bad link. */
export async function getInvitation(actor: Actor, now = new Date()): Promise<InvitationView> {
  authorize(actor, "accept_invitation");
  if (actor.kind !== "invitee") return { state: "invalid" };
  const token = actor.token;
  if (!isWellFormedToken(token)) return { state: "invalid" };
  const inv = await db.userInvitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { purpose: true, expiresAt: true, usedAt: true, user: { select: { email: true, name: true, active: true } } },
  });
  if (!inv) return { state: "invalid" };
  if (inv.usedAt) return { state: "used" };
  if (inv.expiresAt <= now) return { state: "expired" };
  if (!inv.user.active) return { state: "inactive" };
  return { state: "valid", email: inv.user.email, name: inv.user.name, purpose: inv.purpose as "invite" | "reset", expiresAt: inv.expiresAt.toISOString() };
}

export const INVITATION_MESSAGES = {
  invalid: "This link is not valid. Check that you copied all of it, or ask an admin for a new one.",
  used: "This link has already been used. Sign in with your password, or ask an admin to reset it.",
  expired: "This link has expired (links are valid for 7 days). Ask an admin for a new one.",
  inactive: "This account is deactivated. Ask an admin if you think this is a mistake.",
} as const;

/**
 * Public (the link is the credential): sets the password and uses up the link, once. Ends any older session of the
 * account. Returns the email to sign in with.
 */
export async function acceptInvitation(actor: Actor, input: unknown, now = new Date()): Promise<{ email: string }> {
  authorize(actor, "accept_invitation");
  const data = parseInput(AcceptInvitationSchema, input);
  if (actor.kind !== "invitee" || actor.token !== data.token) throw new DomainRuleError(INVITATION_MESSAGES.invalid);
  const view = await getInvitation(actor, now);
  if (view.state !== "valid") throw new DomainRuleError(INVITATION_MESSAGES[view.state]);
  const problem = passwordProblem(data.password, view.email);
  if (problem) throw new DomainRuleError(problem, "password");
  const passwordHash = await hashPassword(data.password);
  await db.$transaction(async (tx) => {
    const inv = await tx.userInvitation.findUnique({
      where: { tokenHash: hashToken(data.token) },
      select: { id: true, purpose: true, user: { select: { id: true, email: true, name: true, role: true, active: true } } },
    });
    if (!inv || !inv.user.active) throw new DomainRuleError(INVITATION_MESSAGES.invalid);
    // Single use, even under a race: only the first request flips usedAt.
    const { count } = await tx.userInvitation.updateMany({ where: { id: inv.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (count === 0) throw new DomainRuleError(INVITATION_MESSAGES.used);
    await tx.user.update({
      where: { id: inv.user.id },
      data: { passwordHash, sessionVersion: { increment: 1 }, version: { increment: 1 } },
    });
    await tx.loginAttempt.deleteMany({ where: { email: inv.user.email } });
    const u = inv.user;
    // The token was just checked and used up: from here on the invitee acts as the person it was made for.
    const person = mintUserActor({ id: u.id, email: u.email, name: u.name, role: u.role as Role }, "invitation");
    await writeAudit(tx, person, {
      action: inv.purpose === "invite" ? "user.accept_invitation" : "user.password_set",
      entityId: u.id,
      data: { after: { ...auditView(u), hasPassword: true } },
    });
  });
  return { email: view.email };
}

export interface CreateAccountInput {
  email: string;
  name: string;
  role: Role;
  password: string;
}

export interface CreateAccountOptions {
  /** bcrypt cost (default 12); lower only for throwaway data. */
  passwordCost?: number;
  /**
   * The demo's published passwords ("provenance-admin" for admin@example.com) break the rule that a password must not
   * contain the email's name part; the demo seed says so explicitly. Nothing else passes it.
   */
  publishedDemoPassword?: boolean;
}

/**
 * Scripts (create-admin, the demo seed): an active account with a password, in one transaction with its audit event.
 * People are otherwise invited (inviteUser), so this needs the "create_account" permission, which only the system has.
 */
export async function createAccount(actor: Actor, input: CreateAccountInput, options: CreateAccountOptions = {}): Promise<AdminUserDTO> {
  authorize(actor, "create_account");
  const { email, name, role } = parseInput(InviteUserSchema, { email: input.email, name: input.name, role: input.role });
  const problem = passwordProblem(input.password, email);
  if (problem && !(options.publishedDemoPassword && input.password.length >= 12)) throw new DomainRuleError(`Password refused: ${problem}`, "password");
  const existing = await db.user.findUnique({ where: { email }, select: { role: true, active: true } });
  if (existing) throw new DomainRuleError(`An account for ${email} already exists (${existing.role}${existing.active ? "" : ", deactivated"}).`, "email");
  const passwordHash = await hashPassword(input.password, options.passwordCost);
  const id = await db.$transaction(async (tx) => {
    const user = await tx.user.create({ data: { email, name, role, active: true, passwordHash } });
    await writeAudit(tx, actor, { action: "user.create", entityId: user.id, data: { after: auditView(user) } });
    return user.id;
  });
  return toDTO(await loadUser(db, id));
}
