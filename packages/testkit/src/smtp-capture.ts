import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: Buffer }[];
  raw: string;
}

export interface SmtpCapture {
  /** `smtp://127.0.0.1:<port>`, for the service's SMTP_URL. */
  readonly url: string;
  readonly messages: readonly CapturedMail[];
  /** Mail to this address so far. */
  to(address: string): CapturedMail[];
  /**
   * Waits for the n-th message to an address (1-based), of those whose subject matches `subject`
   * when given, and returns it. Mails caused by different services' events may arrive in either
   * order: pick one by its subject rather than by its place.
   */
  waitFor(
    address: string,
    options?: { count?: number; subject?: RegExp; timeoutMs?: number },
  ): Promise<CapturedMail>;
  /** While down, every message is refused with a temporary error (421), like an SMTP outage. */
  setDown(down: boolean): void;
  /** How many deliveries were refused while down. */
  readonly refused: number;
  clear(): void;
  close(): Promise<void>;
}

function toMail(parsed: ParsedMail, raw: string, to: string[]): CapturedMail {
  return {
    from: parsed.from?.text ?? '',
    to,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    attachments: parsed.attachments.map((a) => ({
      filename: a.filename ?? '',
      contentType: a.contentType,
      content: a.content,
    })),
    raw,
  };
}

/** A real SMTP server in the test process that keeps what it receives (no mocking of SMTP). */
export async function startSmtpCapture(): Promise<SmtpCapture> {
  const messages: CapturedMail[] = [];
  const waiters = new Set<() => void>();
  let down = false;
  let refused = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (down) {
        refused += 1;
        const error = new Error('Service not available') as Error & { responseCode: number };
        error.responseCode = 421;
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        simpleParser(raw).then(
          (parsed) => {
            messages.push(toMail(parsed, raw, to));
            for (const wake of waiters) wake();
            callback();
          },
          (error: Error) => callback(error),
        );
      });
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;

  const to = (address: string): CapturedMail[] =>
    messages.filter((m) => m.to.includes(address.toLowerCase()));

  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    to,
    get refused() {
      return refused;
    },
    waitFor: (address, { count = 1, subject, timeoutMs = 10_000 } = {}) =>
      new Promise((resolve, reject) => {
        const check = (): boolean => {
          const mail = to(address).filter((m) => !subject || subject.test(m.subject))[count - 1];
          if (!mail) return false;
          waiters.delete(wake);
          clearTimeout(timer);
          resolve(mail);
          return true;
        };
        const wake = (): void => void check();
        const timer = setTimeout(() => {
          waiters.delete(wake);
          const which = subject ? ` with a subject like ${String(subject)}` : '';
          reject(new Error(`No mail #${count} to ${address}${which} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(wake);
        check();
      }),
    setDown: (value) => {
      down = value;
    },
    clear: () => {
      messages.length = 0;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
