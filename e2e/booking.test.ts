import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, data, errorCode, type Session } from './client.js';
import { startPlatform, type Platform } from './platform.js';

interface Booking {
  id: string;
  status: string;
  totalPrice: string;
  priceAtBooking: string;
  resourceName: string;
  businessName: string;
}

describe('booking end to end, through the gateway', () => {
  let platform: Platform;
  let api: ApiClient;
  let vendor: Session;
  let ann: Session;
  let bob: Session;
  let resourceId: string;
  /** Where the completed stay ended up (moved into the past to check in). */
  let heldStart = '';
  const start = new Date(Date.now() + 7 * 86_400_000);
  start.setUTCHours(14, 0, 0, 0);
  const end = new Date(start.getTime() + 2 * 86_400_000 - 3 * 3_600_000);

  beforeAll(async () => {
    platform = await startPlatform();
    api = new ApiClient(platform);
    const admin = await api.admin();
    [vendor, ann, bob] = await Promise.all([
      api.signUp('host@example.com', 'VENDOR'),
      api.signUp('ann@example.com'),
      api.signUp('bob@example.com'),
    ]);
    const business = data<{ id: string }>(
      await api.call(
        'POST',
        '/api/businesses',
        { name: 'Alpine Lodge', type: 'HOTEL', timezone: 'Europe/Zurich' },
        vendor.accessToken,
      ),
    );
    await api.call('PATCH', `/api/businesses/${business.id}/verify`, undefined, admin.accessToken);
    resourceId = await waitFor(
      async () => {
        const response = await api.call(
          'POST',
          '/api/resources',
          {
            name: 'Chalet',
            type: 'HOTEL_ROOM',
            price: '240.00',
            currency: 'CHF',
            priceUnit: 'PER_NIGHT',
          },
          vendor.accessToken,
        );
        // The resource service caches the business's status for a few seconds.
        if (response.statusCode !== 201) throw new Error(`not yet: ${response.body}`);
        return data<{ id: string }>(response).id;
      },
      { timeoutMs: 15_000, intervalMs: 500 },
    );
  });
  afterAll(async () => {
    await platform.close();
  });

  it('books, confirms (with a calendar email), checks in and completes; a second customer gets 409', async () => {
    const body = {
      resourceId,
      startTime: start.toISOString(),
      endTime: end.toISOString(),
      notes: 'late arrival',
    };
    const created = await api.call('POST', '/api/bookings', body, ann.accessToken, {
      'idempotency-key': 'ann-chalet-1',
    });
    expect(created.statusCode, created.body).toBe(201);
    const booking = data<Booking>(created);
    expect(booking).toMatchObject({
      status: 'PENDING',
      priceAtBooking: '240.00',
      totalPrice: '480.00',
      resourceName: 'Chalet',
      businessName: 'Alpine Lodge',
    });
    // A retry with the same key is the same booking.
    const replay = await api.call('POST', '/api/bookings', body, ann.accessToken, {
      'idempotency-key': 'ann-chalet-1',
    });
    expect(data<Booking>(replay).id).toBe(booking.id);

    const taken = await api.call(
      'POST',
      '/api/bookings',
      { resourceId, startTime: start.toISOString(), endTime: end.toISOString() },
      bob.accessToken,
    );
    expect(taken.statusCode).toBe(409);
    expect(errorCode(taken)).toBe('BOOKING_CONFLICT');

    expect(
      data<Booking>(
        await api.call('GET', `/api/bookings/${booking.id}`, undefined, ann.accessToken),
      ).status,
    ).toBe('PENDING');
    expect(
      (await api.call('GET', `/api/bookings/${booking.id}`, undefined, bob.accessToken)).statusCode,
    ).toBe(404);
    // Picked by subject: mails caused by different services' events (auth's welcome, booking's
    // request) can arrive in either order.
    const request = await platform.smtp.waitFor('host@example.com', {
      subject: /^New booking request/,
    });
    expect(request.text).toContain('Chalet');

    const confirmed = await api.call(
      'POST',
      `/api/bookings/${booking.id}/confirm`,
      undefined,
      vendor.accessToken,
    );
    expect(data<Booking>(confirmed).status).toBe('CONFIRMED');
    const mail = await platform.smtp.waitFor('ann@example.com', { subject: /^Booking confirmed/ });
    const ics = mail.attachments.find(
      (a) => a.contentType.startsWith('text/calendar') || a.filename.endsWith('.ics'),
    );
    expect(ics, 'a calendar attachment').toBeDefined();
    const calendar = ics!.content.toString('utf8');
    expect(calendar).toContain('BEGIN:VEVENT');
    expect(calendar).toMatch(/Chalet/);

    const early = await api.call(
      'POST',
      `/api/bookings/${booking.id}/check-in`,
      undefined,
      vendor.accessToken,
    );
    expect([early.statusCode, errorCode(early)]).toEqual([409, 'INVALID_STATUS_TRANSITION']); // opens an hour before
    // Days pass: the stay began half an hour ago (only the database can move a booking there).
    heldStart = await platform.startedAgo(booking.id, 30);
    expect(
      (await api.call('POST', `/api/bookings/${booking.id}/check-in`, undefined, ann.accessToken))
        .statusCode,
    ).toBe(403);
    expect(
      data<Booking>(
        await api.call(
          'POST',
          `/api/bookings/${booking.id}/check-in`,
          undefined,
          vendor.accessToken,
        ),
      ).status,
    ).toBe('IN_PROGRESS');
    expect(
      data<Booking>(
        await api.call(
          'POST',
          `/api/bookings/${booking.id}/complete`,
          undefined,
          vendor.accessToken,
        ),
      ).status,
    ).toBe('COMPLETED');
    const history = data<{ toStatus: string }[]>(
      await api.call('GET', `/api/bookings/${booking.id}/history`, undefined, ann.accessToken),
    );
    expect(history.map((h) => h.toStatus)).toEqual([
      'PENDING',
      'CONFIRMED',
      'IN_PROGRESS',
      'COMPLETED',
    ]);
  });

  it('tells the other party when a booking is cancelled, and frees the time', async () => {
    const later = new Date(end.getTime() + 86_400_000);
    const body = {
      resourceId,
      startTime: later.toISOString(),
      endTime: new Date(later.getTime() + 86_400_000).toISOString(),
    };
    const booking = data<Booking>(await api.call('POST', '/api/bookings', body, bob.accessToken));
    const before = platform.smtp.to('host@example.com').length;
    const cancelled = await api.call(
      'POST',
      `/api/bookings/${booking.id}/cancel`,
      { reason: 'flight cancelled' },
      bob.accessToken,
    );
    expect(data<Booking>(cancelled).status).toBe('CANCELLED');
    await waitFor(
      () => {
        const mails = platform.smtp.to('host@example.com').slice(before);
        expect(mails.some((m) => m.text.includes('flight cancelled'))).toBe(true);
      },
      { timeoutMs: 10_000 },
    );
    expect((await api.call('POST', '/api/bookings', body, ann.accessToken)).statusCode).toBe(201);
  });

  it('takes a confirmed booking the business cancels out of the customer’s calendar', async () => {
    const later = new Date(end.getTime() + 4 * 86_400_000);
    const body = {
      resourceId,
      startTime: later.toISOString(),
      endTime: new Date(later.getTime() + 86_400_000).toISOString(),
    };
    const booking = data<Booking>(await api.call('POST', '/api/bookings', body, bob.accessToken));
    await api.call('POST', `/api/bookings/${booking.id}/confirm`, undefined, vendor.accessToken);
    const confirmation = await platform.smtp.waitFor('bob@example.com', {
      subject: /^Booking confirmed/,
    });
    const cancelled = await api.call(
      'POST',
      `/api/bookings/${booking.id}/cancel`,
      { reason: 'avalanche warning' },
      vendor.accessToken,
    );
    expect(data<Booking>(cancelled).status).toBe('CANCELLED');

    const mail = await platform.smtp.waitFor('bob@example.com', { subject: /^Booking cancelled/ });
    expect(mail.text).toContain('avalanche warning');
    const uid = (ics: string) => /^UID:(.+)$/m.exec(ics)?.[1]?.trim();
    const published = confirmation.attachments[0]!.content.toString('utf8');
    const withdrawn = mail.attachments[0]?.content.toString('utf8') ?? '';
    expect(withdrawn).toContain('METHOD:CANCEL');
    expect(withdrawn).toContain('STATUS:CANCELLED');
    expect(uid(withdrawn)).toBe(uid(published));
    expect(uid(published)).toBe(`${booking.id}@slotwise`);
  });

  it('shows availability to anyone, signed in or not', async () => {
    const from = new Date(Date.parse(heldStart) - 86_400_000).toISOString();
    const to = new Date(Date.parse(heldStart) + 3 * 86_400_000).toISOString();
    const query = `/api/bookings/availability?resourceId=${resourceId}&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const response = await api.call('GET', query, undefined, bob.accessToken);
    expect(response.statusCode).toBe(200);
    // The completed stay still holds its time (API.md); the cancelled one does not.
    expect(data<{ busy: { startTime: string }[] }>(response).busy.map((b) => b.startTime)).toEqual([
      heldStart,
    ]);
    const anonymous = await api.call('GET', query);
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.body).toBe(response.body);
  });
});
