import { setTimeout as sleep } from 'node:timers/promises';
import { call, expect } from './http.js';

export type Role = 'CUSTOMER' | 'VENDOR';

/** A verified account and the session its verification opened. */
export interface Account {
  role: Role;
  email: string;
  username: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
}

interface MailDevEmail {
  to?: Array<{ address?: string }>;
  subject?: string;
  text?: string;
}

/** The access and refresh token of a `{ data: { accessToken, refreshToken } }` answer. */
export function sessionOf(json: unknown): Session | null {
  const data = (json as { data?: { accessToken?: unknown; refreshToken?: unknown } } | null)?.data;
  return typeof data?.accessToken === 'string' && typeof data.refreshToken === 'string'
    ? { accessToken: data.accessToken, refreshToken: data.refreshToken }
    : null;
}

/** The 6-digit code of the verification mail to `email`, polled from MailDev's REST API. */
async function verificationCode(maildevUrl: string, email: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    // Filtered by recipient: after the booking scenarios the inbox holds thousands of mails.
    const url = `${maildevUrl}/api/email?to.address=${encodeURIComponent(email)}`;
    const response = await fetch(url, { signal: AbortSignal.timeout(10_000) });
    const emails = (await response.json()) as MailDevEmail[];
    const mail = emails.find(
      (m) =>
        m.to?.some((to) => to.address?.toLowerCase() === email) &&
        /verification code/i.test(m.subject ?? ''),
    );
    const code = /^\s*(\d{6})\s*$/m.exec(mail?.text ?? '')?.[1];
    if (code) return code;
    await sleep(250);
  }
  throw new Error(`no verification mail to ${email} in MailDev within 60 s`);
}

/** Registers, reads the emailed code and verifies one account. */
async function createAccount(
  gatewayUrl: string,
  maildevUrl: string,
  runId: string,
  index: number,
  role: Role,
  prefix: string,
): Promise<Account> {
  const username = `${prefix}-${runId}-${index}`;
  const email = `${username}@bench.example.com`;
  const password = `bench-password-${runId}`;
  const registered = await call(`${gatewayUrl}/api/auth/register`, {
    method: 'POST',
    body: { email, username, password, ...(role === 'CUSTOMER' ? {} : { role }) },
  });
  expect(`POST /api/auth/register (${email})`, registered, 201);
  const otp = await verificationCode(maildevUrl, email);
  const verified = await call(`${gatewayUrl}/api/auth/verify-email`, {
    method: 'POST',
    body: { email, otp },
  });
  expect(`POST /api/auth/verify-email (${email})`, verified, 200);
  const session = sessionOf(verified.json);
  if (!session) throw new Error(`verify-email gave no tokens: ${JSON.stringify(verified.json)}`);
  return { role, email, username, password, ...session };
}

/**
 * `count` fresh verified accounts, named after this run so that runs never collide: `bench-…`
 * (CUSTOMER, the role a registration gets by default) unless told otherwise.
 */
export async function createAccounts(
  gatewayUrl: string,
  maildevUrl: string,
  count: number,
  { role = 'CUSTOMER', prefix = 'bench' }: { role?: Role; prefix?: string } = {},
): Promise<Account[]> {
  const runId = Date.now().toString(36);
  return Promise.all(
    Array.from({ length: count }, (_, i) =>
      createAccount(gatewayUrl, maildevUrl, runId, i, role, prefix),
    ),
  );
}

/** One login outside any measurement, for its tokens. */
export async function login(gatewayUrl: string, account: Account): Promise<Session> {
  const { json } = expect(
    `POST /api/auth/login (${account.email})`,
    await call(`${gatewayUrl}/api/auth/login`, {
      method: 'POST',
      body: { identifier: account.email, password: account.password },
    }),
    200,
  );
  const session = sessionOf(json);
  if (!session) throw new Error(`login gave no tokens: ${JSON.stringify(json)}`);
  return session;
}
