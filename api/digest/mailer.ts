/** Sends a digest over KB_SMTP_URL (nodemailer): plain text and HTML in one message. */
import nodemailer from 'nodemailer';
import type { DigestMessage } from './render.ts';

export interface DigestMail {
  smtpUrl: string;
  from: string;
  to: readonly string[];
  /** The period it covers, carried in a header so a mailbox rule (or a test) can find it. */
  period: string;
}

/** Resolves once the SMTP server accepted the message for every recipient. */
export async function sendDigest(mail: DigestMail, message: DigestMessage): Promise<void> {
  // Bounded waits: a hung server must not hold the schedule (or shutdown) forever. The URL's own settings win.
  const transport = nodemailer.createTransport({ url: mail.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  try {
    const info = await transport.sendMail({
      from: `Help center insights <${mail.from}>`,
      to: [...mail.to],
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: { 'X-KB-Digest-Period': mail.period },
    });
    if (info.rejected.length > 0) throw new Error(`the SMTP server refused ${info.rejected.join(', ')}`);
  } finally {
    transport.close();
  }
}
