import { ConfigError, loadConfig } from '@slotwise/platform/config';
import { itBehavesLikeAService } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configSchema } from '../src/config.js';
import { schemaPath, startHarness, type Harness } from './harness.js';

describe('notification service', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  itBehavesLikeAService({ service: 'notification', schemaPath, configSchema }, () => ({
    app: harness.app,
    databaseUrl: harness.testEnv.db.url,
    env: harness.testEnv.env,
  }));

  it('closes the event consumer before the relay, the transport and the pool', () => {
    expect(harness.container.stopSteps.map((step) => step.name)).toEqual([
      'event consumers',
      'service clients',
      'outbox relay',
      'event transport',
      'prisma',
      'pool',
      'mailer',
    ]);
  });

  it('applies the documented defaults', () => {
    const { SMTP_URL, DATABASE_URL, EVENTS_DATABASE_URL, AMQP_URL } = harness.testEnv.env;
    const config = loadConfig('notification', configSchema, {
      SMTP_URL,
      DATABASE_URL,
      EVENTS_DATABASE_URL,
      AMQP_URL,
    });
    expect(config).toMatchObject({
      PORT: 3005,
      MAIL_FROM: 'Slotwise <no-reply@slotwise.local>',
      PRODUCT_NAME: 'Slotwise',
      PUBLIC_URL: 'http://localhost:3000',
      NOTIFICATION_MAX_ATTEMPTS: 5,
      NOTIFICATION_RETRY_INITIAL_MS: 1000,
      NOTIFICATION_RETRY_MAX_MS: 60000,
    });
  });

  it('refuses to start with bad variables, naming every one', () => {
    const { SMTP_URL: _smtp, ...withoutSmtp } = harness.testEnv.env;
    const problems = configProblems({
      ...withoutSmtp,
      PORT: 'x',
      NOTIFICATION_MAX_ATTEMPTS: '0',
      NOTIFICATION_RETRY_INITIAL_MS: '5000',
      NOTIFICATION_RETRY_MAX_MS: '1000',
    });
    expect(problems).toEqual([
      expect.stringMatching(/^PORT:/),
      expect.stringMatching(/^SMTP_URL:/),
      expect.stringMatching(/^NOTIFICATION_MAX_ATTEMPTS:/),
    ]);
    expect(configProblems({ ...harness.testEnv.env, NOTIFICATION_RETRY_MAX_MS: '10' })).toEqual([
      expect.stringMatching(/^NOTIFICATION_RETRY_MAX_MS: must not be smaller/),
    ]);
  });
});

function configProblems(env: Record<string, string | undefined>): string[] {
  try {
    loadConfig('notification', configSchema, env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
}
