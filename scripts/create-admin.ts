/**
 * Creates an active admin on a migrated database, so a production install needs no demo accounts:
 *
 *   printf '%s\n' "$ADMIN_PASSWORD" | npm run create-admin -- --email ops@example.org --name "Olga Ops"
 *   npm run create-admin -- --email ops@example.org --name "Olga Ops"     # prompts (hidden input) when stdin is a terminal
 *
 * The password is never taken from the command line (it would end up in shell history and `ps`). The account is made by
 * the app's own data function (createAccount, as a systemActor): the same password rules, hashing and audit writer.
 */
import { resolveDatabaseUrl } from "../lib/server/database-url.mjs";
import { EmailSchema, passwordProblem } from "../lib/contracts/admin";
import { enterServerScript } from "../lib/server/script-runtime";

const NAME_MAX_LENGTH = 120; // as in the invitation form (lib/validation/admin.ts)

function usage(message?: string): never {
  if (message) console.error(`create-admin: ${message}`);
  console.error('Usage: npm run create-admin -- --email <email> --name "<name>"   (password on standard input, or prompted)');
  process.exit(2);
}

function parseArgs(argv: string[]): { email: string; name: string } {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const m = /^--(email|name)(?:=(.*))?$/.exec(arg);
    if (!m) usage(`unknown argument "${arg}"`);
    const value = m[2] ?? argv[++i];
    // `--name --email x` must not take "--email" as the name.
    if (value === undefined || (m[2] === undefined && value.startsWith("--"))) usage(`--${m[1]} needs a value`);
    out[m[1]] = value;
  }
  if (!out.email) usage("--email is required");
  if (!out.name || !out.name.trim()) usage("--name is required");
  if (out.name.trim().length > NAME_MAX_LENGTH) usage(`--name must be at most ${NAME_MAX_LENGTH} characters`);
  return { email: out.email, name: out.name.trim() };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

/** Reads a line from the terminal without echoing it. */
function promptHidden(question: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\r" || ch === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.removeListener("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (ch === "\u0003") {
          stdin.setRawMode(false);
          process.stdout.write("\n");
          reject(new Error("Cancelled."));
          return;
        }
        if (ch === "\u007f" || ch === "\b") value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const first = await promptHidden("Password (at least 12 characters): ");
  const second = await promptHidden("Repeat the password: ");
  if (first !== second) throw new Error("The two passwords do not match.");
  return first;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const parsedEmail = EmailSchema.safeParse(args.email);
  if (!parsedEmail.success) usage(`"${args.email}" is not a valid email address`);
  const email = parsedEmail.data;

  try {
    resolveDatabaseUrl();
  } catch (error) {
    console.error(`create-admin: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
  enterServerScript();
  const { db } = await import("../lib/server/db");
  const { systemActor } = await import("../lib/server/actors");
  const { createAccount } = await import("../lib/server/admin/users");
  try {
    const existing = await db.user.findUnique({ where: { email }, select: { role: true, active: true } }).catch((error: unknown) => {
      if ((error as { code?: string }).code === "P2021") throw new Error("the database is not migrated (no User table). Run `npm run db:migrate` first, or check DATABASE_URL.");
      throw error;
    });
    if (existing) {
      console.error(
        `create-admin: an account for ${email} already exists (${existing.role}${existing.active ? "" : ", deactivated"}). Nothing was changed. ` +
          "Sign in as an admin and manage it at /admin/users, or choose another email.",
      );
      process.exitCode = 1;
      return;
    }
    const password = await readPassword();
    if (!password) throw new Error("No password given (pipe it on standard input, or run in a terminal to be prompted).");
    // Checked before the data layer is asked, for the script's own wording; createAccount checks it again.
    const problem = passwordProblem(password, email);
    if (problem) throw new Error(`Password refused: ${problem}`);
    const user = await createAccount(systemActor("Created with npm run create-admin"), { email, name: args.name, role: "admin", password });
    console.log(`Created admin ${user.name} <${user.email}>. Sign in at /login.`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error) => {
  console.error(`create-admin: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
