import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  port: number;
  /** Every mail accepted, parsed, in arrival order. */
  mails: ParsedMail[];
  /** How many deliveries were refused (see `refuseFirst`). */
  refused: number;
  /** Refuse the next `n` deliveries with a temporary error (451). */
  refuseNext: (n: number) => void;
  /** Take this long to accept each mail (a slow server). */
  delayEach: (ms: number) => void;
  close: () => Promise<void>;
}

/** A real SMTP server on a free port of 127.0.0.1 (smtp-server), keeping what it receives, parsed (mailparser). */
export async function startSmtpSink(options: { port?: number } = {}): Promise<SmtpSink> {
  const mails: ParsedMail[] = [];
  let toRefuse = 0;
  let delayMs = 0;
  const sink: SmtpSink = {
    url: '',
    port: 0,
    mails,
    refused: 0,
    refuseNext: (n) => (toRefuse = n),
    delayEach: (ms) => (delayMs = ms),
    close: () => new Promise((r) => server.close(() => r())),
  };
  const closed = new Set<string>();
  const server = new SMTPServer({
    authOptional: true,
    onClose(session) {
      closed.add(session.id);
    },
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (toRefuse > 0) {
          toRefuse -= 1;
          sink.refused += 1;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          callback(error);
          return;
        }
        simpleParser(Buffer.concat(chunks))
          .then(async (mail) => {
            if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
            // A client gone before the server said 250 (killed mid-send) has not handed the mail over.
            if (!closed.has(session.id)) mails.push(mail);
            callback();
          })
          .catch((e: Error) => callback(e));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  sink.port = port;
  sink.url = `smtp://127.0.0.1:${port}`;
  return sink;
}
