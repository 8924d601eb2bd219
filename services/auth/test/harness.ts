import { fileURLToPath } from 'node:url';
import { userOtpRequestedData, type OtpPurpose } from '@slotwise/contracts';
import { loadConfig } from '@slotwise/platform/config';
import { createEventTransport, type EventTransport } from '@slotwise/platform/events';
import type { HttpApp } from '@slotwise/platform/http';
import { createLogger } from '@slotwise/platform/logger';
import {
  createServiceTestEnv,
  defineFactory,
  waitFor,
  type ServiceTestEnv,
} from '@slotwise/testkit';
import type { LightMyRequestResponse } from 'fastify';
import { buildApp } from '../src/app.js';
import { configSchema } from '../src/config.js';
import { buildContainer, type Container } from '../src/container.js';

export const migrationsDir = fileURLToPath(new URL('../prisma/migrations', import.meta.url));

export interface SentCode {
  email: string;
  purpose: OtpPurpose;
  otp: string;
}

/**
 * The auth service in-process on its own database, started like main.ts does (keys, admin, outbox
 * relay), plus a consumer that collects the codes it publishes, as the notification service would.
 */
export interface AuthHarness {
  app: HttpApp;
  container: Container;
  testEnv: ServiceTestEnv;
  codes: SentCode[];
  /** The newest code sent to an email for a purpose, waiting for it to arrive. */
  codeFor(email: string, purpose: OtpPurpose, after?: number): Promise<string>;
  close(): Promise<void>;
}

export const ADMIN = { email: 'admin@slotwise.test', password: 'admin-password-1' };

export async function startAuth(env: Record<string, string> = {}): Promise<AuthHarness> {
  const testEnv = await createServiceTestEnv({
    service: 'auth',
    migrationsDir,
    env: {
      BCRYPT_COST: '4',
      ENUMERATION_FLOOR_MS: '0',
      COOKIE_SECURE: 'false',
      AUTH_SECRET: 'x'.repeat(40),
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      SERVICE_CLIENTS: 'booking:booking-secret-0123456789,resource:resource-secret-0123456789',
      ...env,
    },
  });
  const config = loadConfig('auth', configSchema, testEnv.env);
  const container = await buildContainer(config);
  const app = await buildApp(container);
  await app.ready();
  await container.start();

  const codes: SentCode[] = [];
  const transport: EventTransport = await createEventTransport({
    amqpUrl: config.AMQP_URL,
    eventsDatabaseUrl: config.EVENTS_DATABASE_URL,
    prefix: config.EVENTS_PREFIX,
    logger: createLogger({ service: 'auth-test', level: 'silent' }),
  });
  const subscription = await transport.subscribe(
    'auth-test-mailbox',
    ['user.otp_requested'],
    async (event) => {
      const data = userOtpRequestedData.parse(event.data);
      codes.push({ email: data.email, purpose: data.purpose, otp: data.otp });
    },
  );

  return {
    app,
    container,
    testEnv,
    codes,
    codeFor: (email, purpose, after = 0) =>
      waitFor(
        () => {
          const matching = codes.filter((c) => c.email === email && c.purpose === purpose);
          const code = matching[matching.length - 1];
          if (!code || matching.length <= after)
            throw new Error(`no ${purpose} code for ${email} yet`);
          return code.otp;
        },
        { timeoutMs: 10_000 },
      ),
    close: async () => {
      await subscription.close();
      await transport.close();
      await app.close();
      for (const step of container.stopSteps) await step.run();
      await testEnv.close();
    },
  };
}

/** A unique person for each call, so tests never share an account. */
export const person = defineFactory<{
  email: string;
  username: string;
  password: string;
  role: string;
}>((tag) => ({
  email: `user-${tag}@example.com`,
  username: `user_${tag}`,
  password: 'correct horse battery',
  role: 'CUSTOMER',
}));

export function post(
  app: HttpApp,
  url: string,
  payload?: object,
  headers: Record<string, string> = {},
) {
  return app.inject({ method: 'POST', url, ...(payload ? { payload } : {}), headers });
}

export const bearer = (token: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
});

export interface SessionBody {
  data: {
    user: { id: string; status: string; role: string };
    accessToken: string;
    refreshToken: string;
    expiresIn: number;
  };
}

/** Registers and verifies an account; returns its first session. */
export async function signUp(
  auth: AuthHarness,
  who = person(),
): Promise<{ who: ReturnType<typeof person>; session: SessionBody['data'] }> {
  const registered = await post(auth.app, '/api/auth/register', who);
  if (registered.statusCode !== 201) throw new Error(`register failed: ${registered.body}`);
  const otp = await auth.codeFor(who.email, 'EMAIL_VERIFICATION');
  const verified = await post(auth.app, '/api/auth/verify-email', { email: who.email, otp });
  if (verified.statusCode !== 200) throw new Error(`verify failed: ${verified.body}`);
  return { who, session: verified.json<SessionBody>().data };
}

export function errorCode(response: LightMyRequestResponse): string {
  return response.json<{ error: { code: string } }>().error.code;
}
