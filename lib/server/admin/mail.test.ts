import { beforeEach, describe, expect, it, vi } from "vitest";

const sent: unknown[] = [];
const transportOptions: unknown[] = [];
let fail = false;
vi.mock("nodemailer", () => ({
  default: {
    createTransport: (opts: unknown) => {
      transportOptions.push(opts);
      return {
        sendMail: async (msg: unknown) => {
          if (fail) throw new Error("connection refused");
          sent.push(msg);
          return { messageId: "1" };
        },
      };
    },
  },
}));

process.env.NEXTAUTH_SECRET = "vitest-only-secret-vitest-only-secret-000";
process.env.PUBLIC_BASE_URL = "https://desk.example.org";
process.env.SMTP_HOST = "smtp.example.org";
process.env.SMTP_PORT = "465";
process.env.SMTP_USER = "mailer";
process.env.SMTP_PASSWORD = "secret";
process.env.SMTP_FROM = "Desk <desk@example.org>";
const { sendLinkEmail } = await import("./mail");

beforeEach(() => {
  sent.length = 0;
  fail = false;
});

describe("sendLinkEmail with SMTP configured", () => {
  const input = { to: "ann@example.com", name: "Ann", link: "https://desk.example.org/invite/abc", purpose: "invite" as const, expiresAt: new Date("2026-12-01T00:00:00Z") };

  it("sends the link through the configured server", async () => {
    const result = await sendLinkEmail(input);
    expect(result).toEqual({ sent: true, note: "E-mailed to ann@example.com." });
    expect(transportOptions[0]).toMatchObject({ host: "smtp.example.org", port: 465, secure: true, auth: { user: "mailer", pass: "secret" } });
    expect(sent[0]).toMatchObject({ from: "Desk <desk@example.org>", to: { name: "Ann", address: "ann@example.com" } });
    expect((sent[0] as { text: string }).text).toContain(input.link);
  });

  it("says it was not sent when the server fails, without throwing", async () => {
    fail = true;
    const result = await sendLinkEmail(input);
    expect(result.sent).toBe(false);
    expect(result.note).toMatch(/Not e-mailed.*connection refused/);
  });
});
