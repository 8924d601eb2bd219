import { randomUUID } from 'node:crypto';
import {
  EventTypes,
  type BusinessEventData,
  type BusinessStatus,
  type BusinessStatusChangedData,
} from '@slotwise/contracts';
import { createEvent, type EventEnvelope } from '@slotwise/platform/events';
import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildOtpRequested, buildUserEvent, buildUserProfile } from './factories.js';
import { startHarness, type Harness } from './harness.js';

const SLOW = { timeoutMs: 20_000, intervalMs: 50 };

/** A vendor the read model knows: registered, then verified, as auth would announce it. */
async function knownVendor(harness: Harness, firstName = 'Ada') {
  const profile = buildUserProfile({ role: 'VENDOR', firstName });
  const { status: _status, ...verified } = profile;
  await harness.publish(
    buildUserEvent(EventTypes.userRegistered, profile.userId, 1, profile),
    buildUserEvent(EventTypes.userVerified, profile.userId, 2, verified),
  );
  // The welcome mail is the sign that both were applied.
  await harness.smtp.waitFor(profile.email);
  return profile;
}

function businessEvent<T extends BusinessEventData>(
  type: string,
  version: number,
  data: T,
): EventEnvelope<T> {
  return createEvent({ type, aggregateId: data.id, version, data });
}

function summary(ownerId: string, status: BusinessStatus, name = 'Harbour Clinic') {
  return {
    id: randomUUID(),
    name,
    ownerId,
    status,
    isVerified: status !== 'PENDING',
    timezone: 'UTC',
    confirmationWindowMinutes: 1_440,
    paymentMode: 'NONE' as const,
    cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 0 },
    maintenancePolicy: 'KEEP' as const,
  };
}

function statusChanged(
  ownerId: string,
  status: BusinessStatus,
  previousStatus: BusinessStatus,
): EventEnvelope<BusinessStatusChangedData> {
  return businessEvent(EventTypes.businessStatusChanged, 3, {
    ...summary(ownerId, status),
    previousStatus,
    changedBy: randomUUID(),
  });
}

describe('business mails to the vendor', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('tells the vendor its business is verified and live', async () => {
    const vendor = await knownVendor(harness, 'Grace');
    const event = businessEvent(
      EventTypes.businessVerified,
      2,
      summary(vendor.userId, 'ACTIVE', 'Harbour <Clinic> & Co'),
    );
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(vendor.email, { count: 2 });
    expect(mail.subject).toBe('Harbour <Clinic> & Co is verified and live');
    expect(mail.text).toContain('Hi Grace,');
    expect(mail.text).toContain('Harbour <Clinic> & Co is verified and now live on Slotwise');
    expect(mail.html).toContain('Harbour &lt;Clinic&gt; &amp; Co');
    expect(mail.html).not.toContain('<Clinic>');
    await waitFor(async () => {
      expect(await harness.notificationsFor(event.id)).toEqual([
        expect.objectContaining({
          eventType: 'business.verified',
          userId: vendor.userId,
          template: 'business.verified',
          recipient: vendor.email,
          status: 'SENT',
          attempts: 1,
        }),
      ]);
    });
  });

  it('tells the vendor its business was suspended', async () => {
    const vendor = await knownVendor(harness);
    const event = statusChanged(vendor.userId, 'SUSPENDED', 'ACTIVE');
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(vendor.email, { count: 2 });
    expect(mail.subject).toBe('Harbour Clinic has been suspended');
    expect(mail.text).toContain('An administrator has suspended Harbour Clinic on Slotwise.');
    await waitFor(async () => {
      expect(await harness.notificationsFor(event.id)).toEqual([
        expect.objectContaining({ template: 'business.suspended', status: 'SENT' }),
      ]);
    });
  });

  it('sends nothing for the other status changes and for business events without a mail', async () => {
    const vendor = await knownVendor(harness);
    const quiet = [
      statusChanged(vendor.userId, 'INACTIVE', 'ACTIVE'),
      statusChanged(vendor.userId, 'ACTIVE', 'SUSPENDED'),
      businessEvent(EventTypes.businessCreated, 1, summary(vendor.userId, 'PENDING')),
      businessEvent(EventTypes.businessDeleted, 4, summary(vendor.userId, 'DELETED')),
    ];
    // Events of one aggregate (this business) are handled in order: once the marker's mail is
    // out, the others were handled.
    const marker = buildOtpRequested({ userId: quiet[0]!.aggregateId });
    await harness.publish(...quiet, marker);
    await harness.smtp.waitFor(marker.data.email);

    expect(harness.smtp.to(vendor.email)).toHaveLength(1);
    for (const event of quiet) {
      expect(await harness.inboxHas(event.id)).toBe(false);
      expect(await harness.notificationsFor(event.id)).toEqual([]);
    }
  });

  it('sends one mail when the same verification is delivered twice', async () => {
    const vendor = await knownVendor(harness);
    const event = businessEvent(EventTypes.businessVerified, 2, summary(vendor.userId, 'ACTIVE'));
    // Of the business's aggregate: handled after both copies.
    const marker = buildOtpRequested({ userId: event.aggregateId });
    await harness.publish(event, event, marker);
    await harness.smtp.waitFor(marker.data.email);

    expect(harness.smtp.to(vendor.email)).toHaveLength(2);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({ status: 'SENT', attempts: 1 }),
    ]);
  });

  it('waits for a vendor the read model does not know yet, then mails them', async () => {
    const profile = buildUserProfile({ role: 'VENDOR', firstName: 'Late' });
    const event = businessEvent(EventTypes.businessVerified, 2, summary(profile.userId, 'ACTIVE'));
    await harness.publish(event);
    await waitFor(async () => {
      expect((await harness.notificationsFor(event.id)).length).toBe(0);
      expect(harness.logLines.join('\n')).toContain('is not in the read model yet');
    }, SLOW);

    await harness.publish(buildUserEvent(EventTypes.userRegistered, profile.userId, 1, profile));
    const mail = await harness.smtp.waitFor(profile.email, { timeoutMs: 20_000 });
    expect(mail.subject).toBe('Harbour Clinic is verified and live');
    expect(mail.text).toContain('Hi Late,');
  });
});
