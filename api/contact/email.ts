/** Delivers one request by email over SMTP (nodemailer); resolves only when the server accepted the message. */
import nodemailer from 'nodemailer';
import { emailText, type ContactPayload } from './payload.ts';

export interface EmailTarget {
  smtpUrl: string;
  to: string;
}

export interface Mailer {
  send(payload: ContactPayload): Promise<void>;
  close(): void;
}

export function createMailer(target: EmailTarget): Mailer {
  // Bounded waits: a hung server must not hold the outbox (or shutdown) forever. The URL's own settings win.
  const transport = nodemailer.createTransport({
    url: target.smtpUrl,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    async send(p) {
      const info = await transport.sendMail({
        from: `Help center <${target.to}>`,
        to: target.to,
        replyTo: p.email,
        // The reference leads, so the agent and the customer's own copy can be matched at a glance.
        subject: `[${p.reference}] ${p.subject}`,
        text: emailText(p),
        headers: { 'X-KB-Request-Id': p.id, 'X-KB-Reference': p.reference },
        messageId: `<${p.id}@kb.contact>`,
      });
      if (info.rejected.length > 0) throw new Error(`SMTP server rejected ${info.rejected.join(', ')}`);
    },
    close() {
      transport.close();
    },
  };
}
