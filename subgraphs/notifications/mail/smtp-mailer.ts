import nodemailer from 'nodemailer';
import { isPermanentSmtpReply, type AttemptOutcome } from '../domain/retry-schedule.js';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  messageId: string;
}

/** Hands an e-mail to the SMTP server; answers how that went instead of throwing. */
export interface Mailer {
  send(email: OutgoingEmail): Promise<AttemptOutcome>;
  close(): void;
}

/**
 * nodemailer's pooled SMTP transport: a few long-lived connections, reopened when the server
 * drops them. Timeouts bound every step, so a server that hangs fails the attempt (and it is
 * retried on the schedule) instead of holding the sender.
 */
export function createSmtpMailer(options: { url: string; from: string; timeoutMs: number; maxConnections?: number }): Mailer {
  const transport = nodemailer.createTransport({
    url: options.url,
    pool: true,
    maxConnections: options.maxConnections ?? 3,
    connectionTimeout: options.timeoutMs,
    greetingTimeout: options.timeoutMs,
    socketTimeout: options.timeoutMs,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(email) {
      try {
        await transport.sendMail({ from: options.from, to: email.to, subject: email.subject, html: email.html, text: email.text, messageId: email.messageId });
        return { kind: 'accepted' };
      } catch (err) {
        const { responseCode, response, message } = err as { responseCode?: number; response?: string; message?: string };
        return { kind: 'refused', permanent: isPermanentSmtpReply(responseCode), error: (response ?? message ?? String(err)).slice(0, 1_000) };
      }
    },
    close: () => transport.close(),
  };
}
