export interface LocalMailServer {
  smtpUrl: string;
  inboxUrl: string;
  stop(): Promise<void>;
}

import { withConsoleInfo } from './output.js';

export interface MailDevOptions {
  smtpPort: number;
  webPort: number;
  mailDirectory: string;
  /** One line per received mail, so a person sees the OTP mail arrive. */
  onMail: (line: string) => void;
  /** MailDev's own messages. */
  onLog: (line: string) => void;
}

/**
 * MailDev 3, in the launcher's own process: it cannot outlive the launcher (not even a SIGKILL),
 * which a separate `npx maildev` would. Bound to loopback only.
 */
export async function startMailDev(options: MailDevOptions): Promise<LocalMailServer> {
  const { MailDev } = await import('maildev');
  const maildev = new MailDev({
    smtp: options.smtpPort,
    ip: '127.0.0.1',
    web: options.webPort,
    webIp: '127.0.0.1',
    mailDirectory: options.mailDirectory,
    silent: true,
  });
  const { smtp } = await withConsoleInfo(options.onLog, () => maildev.start());
  smtp.on('new', (email: { subject: string; to: Array<{ address: string }> }) => {
    const to = email.to.map((address) => address.address).join(', ');
    options.onMail(`mail to ${to}: ${email.subject}`);
  });
  return {
    smtpUrl: `smtp://127.0.0.1:${options.smtpPort}`,
    inboxUrl: `http://localhost:${options.webPort}`,
    stop: () => maildev.stop(),
  };
}
