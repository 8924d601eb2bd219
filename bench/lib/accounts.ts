import { setTimeout as sleep } from 'node:timers/promises';

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

async function post(url: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(30_000),
  });
  const text = await response.text();
  let json: unknown = text;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON: kept as text for the error message.
  }
  return { status: response.status, json };
}

function expectStatus(what: string, status: number, json: unknown, expected: number): void {
  if (status !== expected) {
    throw new Error(`${what} answered ${status}, not ${expected}: ${JSON.stringify(json)}`);
  }
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
  const registered = await post(`${gatewayUrl}/api/auth/register`, {
    email,
    username,
    password,
    ...(role === 'CUSTOMER' ? {} : { role }),
  });
  expectStatus(`POST /api/auth/register (${email})`, registered.status, registered.json, 201);
  const otp = await verificationCode(maildevUrl, email);
  const verified = await post(`${gatewayUrl}/api/auth/verify-email`, { email, otp });
  expectStatus(`POST /api/auth/verify-email (${email})`, verified.status, verified.json, 200);
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
  const { status, json } = await post(`${gatewayUrl}/api/auth/login`, {
    identifier: account.email,
    password: account.password,
  });
  expectStatus(`POST /api/auth/login (${account.email})`, status, json, 200);
  const session = sessionOf(json);
  if (!session) throw new Error(`login gave no tokens: ${JSON.stringify(json)}`);
  return session;
}
