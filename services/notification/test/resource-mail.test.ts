import { randomUUID } from 'node:crypto';
import {
  EventTypes,
  type MaintenancePolicy,
  type ResourceEventData,
  type ResourceStatus,
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

interface StatusChange {
  status: ResourceStatus;
  ownerId?: string;
  maintenancePolicy?: MaintenancePolicy;
  name?: string;
  /** Of another resource's event: the same resource, unless given. */
  id?: string;
}

/** A `resource.status_changed` event as the resource service's outbox would publish it. */
function statusChanged(change: StatusChange): EventEnvelope<ResourceEventData> {
  const { status, ownerId, maintenancePolicy, name = 'Room 12', id = randomUUID() } = change;
  const data: ResourceEventData = {
    id,
    businessId: randomUUID(),
    name,
    type: 'HOTEL_ROOM',
    status,
    categoryId: null,
    price: '120.00',
    currency: 'EUR',
    priceUnit: 'PER_NIGHT',
    ...(ownerId ? { ownerId } : {}),
    ...(maintenancePolicy ? { maintenancePolicy } : {}),
  };
  return createEvent({ type: EventTypes.resourceStatusChanged, aggregateId: id, version: 2, data });
}

describe('resource mails to the owner', () => {
  let harness: Harness;

  beforeAll(async () => {
    harness = await startHarness();
  });

  afterAll(async () => {
    await harness.close();
  });

  it('warns the owner when a resource goes into maintenance and its bookings are kept', async () => {
    const vendor = await knownVendor(harness, 'Grace');
    const event = statusChanged({
      status: 'MAINTENANCE',
      maintenancePolicy: 'KEEP',
      ownerId: vendor.userId,
      name: 'Room <12> & Co',
    });
    await harness.publish(event);

    const mail = await harness.smtp.waitFor(vendor.email, { count: 2 });
    expect(mail.subject).toBe('Room <12> & Co is in maintenance: its upcoming bookings are kept');
    expect(mail.text).toContain('Hi Grace,');
    expect(mail.text).toContain('Room <12> & Co is now in maintenance on Slotwise.');
    expect(mail.text).toContain('its upcoming bookings were kept');
    expect(mail.text).toContain('move them to other times or cancel them from your bookings list');
    expect(mail.text).toContain('Open your bookings at http://localhost:3000');
    expect(mail.html).toContain('Room &lt;12&gt; &amp; Co');
    expect(mail.html).not.toContain('<12>');
    await waitFor(async () => {
      expect(await harness.notificationsFor(event.id)).toEqual([
        expect.objectContaining({
          eventType: 'resource.status_changed',
          userId: vendor.userId,
          template: 'resource.maintenance_kept',
          recipient: vendor.email,
          status: 'SENT',
          attempts: 1,
        }),
      ]);
    });
  });

  it('sends one mail when the same event is delivered twice', async () => {
    const vendor = await knownVendor(harness);
    const event = statusChanged({
      status: 'MAINTENANCE',
      maintenancePolicy: 'KEEP',
      ownerId: vendor.userId,
    });
    // Of the resource's aggregate: handled after both copies.
    const marker = buildOtpRequested({ userId: event.aggregateId });
    await harness.publish(event, event, marker);
    await harness.smtp.waitFor(marker.data.email);

    expect(harness.smtp.to(vendor.email)).toHaveLength(2);
    expect(await harness.notificationsFor(event.id)).toEqual([
      expect.objectContaining({ status: 'SENT', attempts: 1 }),
    ]);
  });

  it('sends nothing under CANCEL, for the other statuses, or without an owner', async () => {
    const vendor = await knownVendor(harness);
    const id = randomUUID();
    const ownerId = vendor.userId;
    const quiet = [
      statusChanged({ id, status: 'MAINTENANCE', maintenancePolicy: 'CANCEL', ownerId }),
      statusChanged({ id, status: 'MAINTENANCE', maintenancePolicy: 'KEEP' }),
      statusChanged({ id, status: 'MAINTENANCE', ownerId }),
      statusChanged({ id, status: 'INACTIVE', ownerId }),
      statusChanged({ id, status: 'ACTIVE', maintenancePolicy: 'KEEP', ownerId }),
    ];
    // Events of one aggregate (this resource) are handled in order: once the marker's mail is
    // out, the others were handled.
    const marker = buildOtpRequested({ userId: id });
    await harness.publish(...quiet, marker);
    await harness.smtp.waitFor(marker.data.email);

    expect(harness.smtp.to(vendor.email)).toHaveLength(1);
    for (const event of quiet) {
      expect(await harness.notificationsFor(event.id)).toEqual([]);
    }
  });

  it('retries while SMTP is down and sends the warning once it is back', async () => {
    const vendor = await knownVendor(harness);
    const event = statusChanged({
      status: 'MAINTENANCE',
      maintenancePolicy: 'KEEP',
      ownerId: vendor.userId,
    });
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

    await harness.smtp.waitFor(vendor.email, { count: 2, timeoutMs: 20_000 });
    const [row] = await waitFor(async () => {
      const rows = await harness.notificationsFor(event.id);
      expect(rows[0]?.status).toBe('SENT');
      return rows;
    });
    expect(row?.attempts).toBeGreaterThan(1);
    expect(harness.smtp.to(vendor.email)).toHaveLength(2);
  });

  it('waits for an owner the read model does not know yet, then mails them', async () => {
    const profile = buildUserProfile({ role: 'VENDOR', firstName: 'Late' });
    const event = statusChanged({
      status: 'MAINTENANCE',
      maintenancePolicy: 'KEEP',
      ownerId: profile.userId,
    });
    await harness.publish(event);
    await waitFor(async () => {
      expect(harness.logLines.join('\n')).toContain(`${profile.userId} is not in the read model`);
    }, SLOW);
    expect(await harness.notificationsFor(event.id)).toEqual([]);

    await harness.publish(buildUserEvent(EventTypes.userRegistered, profile.userId, 1, profile));
    const mail = await harness.smtp.waitFor(profile.email, { timeoutMs: 20_000 });
    expect(mail.subject).toBe('Room 12 is in maintenance: its upcoming bookings are kept');
    expect(mail.text).toContain('Hi Late,');
  });
});
