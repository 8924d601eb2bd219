import type { OtpPurpose } from '@slotwise/contracts';
import { EventTypes } from '@slotwise/contracts';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOtpRequested, buildUserEvent, buildUserProfile } from './factories.js';
import { startHarness, type Harness } from './harness.js';

const SLOW = { timeoutMs: 20_000, intervalMs: 50 };

describe('notification delivery', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  it.each<[OtpPurpose, string, string]>([
    ['EMAIL_VERIFICATION', 'Your Slotwise verification code', 'otp.email_verification'],
    ['PASSWORD_RESET', 'Your Slotwise password reset code', 'otp.password_reset'],
    ['TWO_FACTOR_AUTH', 'Your Slotwise sign-in code', 'otp.two_factor_auth'],
  ])('mails a %s code to the address in the event', async (purpose, subject, template) => {
    const event = buildOtpRequested({ purpose });
    const { email, otp } = event.data;
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(email);
    expect(mail.subject).toBe(subject);
    expect(mail.to).toEqual([email]);
    expect(mail.from).toContain('no-reply@slotwise.local');
    expect(mail.subject).not.toContain(otp);
    expect(mail.text).toContain(otp);
    expect(mail.html).toContain(otp);
    expect(mail.text).toMatch(/valid for 10 minutes, until .+ UTC/);
    expect(mail.text).toContain('Hi Ada,');

    const rows = await waitFor(async () => {
      const found = await harness.notificationsFor(event.id);
      expect(found[0]?.status).toBe('SENT');
      return found;
    });
    expect(rows).toEqual([
      expect.objectContaining({
        eventType: 'user.otp_requested',
        userId: event.data.userId,
        template,
        recipient: email,
        attempts: 1,
        lastError: null,
        sentAt: expect.any(Date),
      }),
    ]);
    // The code is in the mail and nowhere else: not the log table, not one log line.
    expect(JSON.stringify(rows)).not.toContain(otp);
    expect(harness.logLines.join('\n')).not.toContain(otp);
  });

  it('welcomes a user whose email was verified', async () => {
    const profile = buildUserProfile({ role: 'VENDOR', firstName: 'Linus' });
    const { status: _status, ...verified } = profile;
    const event = buildUserEvent(EventTypes.userVerified, profile.userId, 2, verified);
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(profile.email);
    expect(mail.subject).toBe('Welcome to Slotwise');
    expect(mail.text).toContain('Hi Linus,');
    expect(mail.text).toContain(profile.username);
    expect(mail.text).toContain('create your business');
    expect(mail.html).toContain('href="http://localhost:3000"');
    await waitFor(async () => {
      expect(await harness.notificationsFor(event.id)).toEqual([
        expect.objectContaining({ template: 'user.welcome', status: 'SENT', attempts: 1 }),
      ]);
    });
  });

  it('sends one mail and keeps one log row when the same event is delivered twice', async () => {
    const event = buildOtpRequested();
    const marker = buildOtpRequested({ userId: event.aggregateId });
    await harness.publish(event);
    await harness.publish(event);
    // Events of one aggregate are handled in order: once the marker's mail is out, both copies
    // were handled.
    await harness.publish(marker);
    await harness.smtp.waitFor(marker.data.email);

    expect(harness.smtp.to(event.data.email)).toHaveLength(1);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({ status: 'SENT', attempts: 1 }),
    ]);
  });

  it('delivers exactly once when SMTP is down for a while, then comes back', async () => {
    const event = buildOtpRequested({ purpose: 'PASSWORD_RESET' });
    harness.smtp.setDown(true);
    try {
      await harness.publish(event);
      const [failed] = await waitFor(async () => {
        const rows = await harness.notificationsFor(event.id);
        expect(rows[0]?.attempts).toBeGreaterThanOrEqual(1);
        return rows;
      }, SLOW);
      expect(failed).toMatchObject({ status: 'PENDING', lastError: expect.stringMatching(/421/) });
    } finally {
      harness.smtp.setDown(false);
    }

    const mail = await harness.smtp.waitFor(event.data.email, { timeoutMs: 20_000 });
    expect(mail.text).toContain(event.data.otp);
    const [row] = await waitFor(async () => {
      const rows = await harness.notificationsFor(event.id);
      expect(rows[0]?.status).toBe('SENT');
      return rows;
    });
    expect(row?.attempts).toBeGreaterThan(1);
    expect(harness.smtp.to(event.data.email)).toHaveLength(1);
  });

  it('marks the notification FAILED when SMTP stays down past the last attempt', async () => {
    const event = buildOtpRequested({ purpose: 'TWO_FACTOR_AUTH' });
    harness.smtp.setDown(true);
    try {
      await harness.publish(event);
      await waitFor(async () => {
        expect(await harness.notificationsFor(event.id)).toEqual([
          expect.objectContaining({
            status: 'FAILED',
            attempts: harness.config.NOTIFICATION_MAX_ATTEMPTS,
            lastError: expect.stringMatching(/421/),
            sentAt: null,
          }),
        ]);
      }, SLOW);
    } finally {
      harness.smtp.setDown(false);
    }
    // Dead-lettered, not retried any more: a later event of its aggregate goes out, it does not.
    const marker = buildOtpRequested({ userId: event.aggregateId });
    await harness.publish(marker);
    await harness.smtp.waitFor(marker.data.email);
    expect(harness.smtp.to(event.data.email)).toHaveLength(0);
  });

  it('does not send a code that expired before it could be delivered', async () => {
    const issuedAt = new Date(Date.now() - 20 * 60_000);
    const event = buildOtpRequested({}, issuedAt);
    const marker = buildOtpRequested({ userId: event.aggregateId });
    await harness.publish(event, marker);
    await harness.smtp.waitFor(marker.data.email);

    expect(harness.smtp.to(event.data.email)).toHaveLength(0);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({
        status: 'FAILED',
        attempts: 0,
        lastError: expect.stringMatching(/Expired/),
      }),
    ]);
  });
});
