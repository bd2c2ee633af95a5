import "server-only";
import nodemailer from "nodemailer";
import { env } from "../env";

export interface MailResult {
  sent: boolean;
  note: string;
}

/** E-mails an invitation or reset link when SMTP is configured; otherwise says it was not sent. Never throws. */
export async function sendLinkEmail(input: { to: string; name: string; link: string; purpose: "invite" | "reset"; expiresAt: Date }): Promise<MailResult> {
  const e = env();
  if (!e.SMTP_HOST) return { sent: false, note: "Not e-mailed: no SMTP server is configured (SMTP_HOST). Pass the link on yourself." };
  const port = Number(e.SMTP_PORT ?? 587);
  try {
    const transport = nodemailer.createTransport({
      host: e.SMTP_HOST,
      port,
      secure: port === 465,
      auth: e.SMTP_USER ? { user: e.SMTP_USER, pass: e.SMTP_PASSWORD ?? "" } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 15_000,
    });
    const subject = input.purpose === "invite" ? "You are invited to the Provenance fact-check desk" : "Reset your Provenance password";
    const intro =
      input.purpose === "invite"
        ? `You have been invited to review claims on ${e.PUBLISHER_NAME}'s Provenance desk.`
        : "An admin has reset your Provenance password.";
    await transport.sendMail({
      from: e.SMTP_FROM ?? `Provenance <no-reply@${new URL(e.PUBLIC_BASE_URL).hostname}>`,
      to: { name: input.name, address: input.to },
      subject,
      text: `Hello ${input.name},\n\n${intro}\nSet your password here (single use, valid until ${input.expiresAt.toUTCString()}):\n\n${input.link}\n`,
    });
    return { sent: true, note: `E-mailed to ${input.to}.` };
  } catch (error) {
    console.error("Sending the link e-mail failed:", error);
    return { sent: false, note: `Not e-mailed: the SMTP server refused or did not answer (${(error as Error).message}). Pass the link on yourself.` };
  }
}
