import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { LOOPBACK } from './ports.js';

/** One e-mail the sink accepted, as a mail client would read it. */
export interface ReceivedEmail {
  messageId: string;
  to: string[];
  from: string;
  subject: string;
  html: string;
  text: string;
  receivedAt: Date;
}

export type SinkMode = 'accept' | 'refuse-permanently' | 'refuse-temporarily';

/**
 * A real SMTP server on loopback for tests and the chaos suite (smtp-server + mailparser): it can
 * accept, refuse every recipient with a 5xx or a 4xx, be stopped (connections cut) and started
 * again on the same port. `received` keeps every accepted message, copies included.
 */
export class SmtpSink {
  readonly received: ReceivedEmail[] = [];
  mode: SinkMode = 'accept';
  /** Runs after a message was read and before the server answers 250 (tests cut connections here). */
  beforeAccept: ((email: ReceivedEmail) => Promise<void>) | undefined;
  private server: SMTPServer | undefined;
  private boundPort = 0;

  get port(): number {
    return this.boundPort;
  }

  get url(): string {
    return `smtp://${LOOPBACK}:${this.boundPort}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  async start(port = this.boundPort): Promise<void> {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      closeTimeout: 50,
      onRcptTo: (_address, _session, callback) => {
        if (this.mode === 'accept') return callback();
        const permanent = this.mode === 'refuse-permanently';
        callback(Object.assign(new Error(permanent ? 'No such mailbox here' : 'Mailbox busy, try later'), { responseCode: permanent ? 550 : 451 }));
      },
      onData: (stream, _session, callback) => {
        simpleParser(stream)
          .then(async (mail) => {
            const email = toReceived(mail);
            await this.beforeAccept?.(email);
            this.received.push(email);
            callback();
          })
          .catch((err: Error) => callback(err));
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, LOOPBACK, () => resolve());
    });
    server.on('error', () => {}); // a client cut off mid-conversation is not the sink's problem
    this.boundPort = (server.server.address() as AddressInfo).port;
    this.server = server;
  }

  /** Stops listening and cuts every open connection (as a crashed mail server would). */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Accepted messages to `address`. */
  to(address: string): ReceivedEmail[] {
    return this.received.filter((email) => email.to.includes(address.toLowerCase()));
  }

  /** Distinct messages (by Message-ID): what a mail store that recognises copies shows. */
  distinct(): ReceivedEmail[] {
    const seen = new Map<string, ReceivedEmail>();
    for (const email of this.received) if (!seen.has(email.messageId)) seen.set(email.messageId, email);
    return [...seen.values()];
  }
}

function toReceived(mail: ParsedMail): ReceivedEmail {
  const addresses = (value: ParsedMail['to']): string[] =>
    (Array.isArray(value) ? value : value ? [value] : []).flatMap((group) => group.value.map((a) => (a.address ?? '').toLowerCase()));
  return {
    messageId: mail.messageId ?? '',
    to: addresses(mail.to),
    from: mail.from?.text ?? '',
    subject: mail.subject ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    text: mail.text ?? '',
    receivedAt: new Date(),
  };
}
