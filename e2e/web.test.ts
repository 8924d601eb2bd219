import { readFile, writeFile } from 'node:fs/promises';
import { waitFor } from '@slotwise/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEB_API_SCHEMA_FILE, webApiSchema } from '../scripts/web-api-schema.js';
import { ApiClient, data, type Session } from './client.js';
import { startPlatform, type Platform } from './platform.js';
import {
  captureScreens,
  ensureWebBuilt,
  expectAccessible,
  hasChromium,
  launchChromium,
  openPage,
} from './web-browser.js';

interface Booking {
  id: string;
  status: string;
  paymentStatus: string;
  startTime: string;
  endTime: string;
  resourceId: string;
  resourceName: string;
  categoryId: string | null;
}
interface Payment {
  id: string;
  status: string;
  amount: string;
  refundedAmount: string;
  checkoutUrl: string;
}
interface Slot {
  startTime: string;
  endTime: string;
  available: number;
}

const HOUR_MS = 3_600_000;
/** A slot's button in a resource's week: its times only. */
const SLOT = /^\d\d:\d\d–\d\d:\d\d$/;
/** A slot's button in a room type's week: its times and how many rooms are free then. */
const POOLED_SLOT = /^\d\d:\d\d–\d\d:\d\d \d+ free$/;

/**
 * The free slots the page is about to show: the availability answer that `action` makes the page
 * ask for (its query containing `match`). The page lists them in this order, so the nth slot
 * button is the nth of these.
 */
async function freeSlotsAsked(
  page: Page,
  action: () => Promise<unknown>,
  match = '',
): Promise<Slot[]> {
  const [response] = await Promise.all([
    page.waitForResponse(
      (r) => r.url().includes('/api/bookings/availability') && r.url().includes(match),
    ),
    action(),
  ]);
  return ((await response.json()) as { data: { free: Slot[] } }).data.free;
}

/** What a booking's page says beside `label` in its facts. */
const fact = (page: Page, label: string): Promise<string | null> =>
  page.locator(`.facts dt:text-is("${label}") + dd`).textContent();

describe('the web app, through the gateway', () => {
  let platform: Platform;
  let api: ApiClient;
  let customer: Session;
  let rival: Session;
  let base: string;
  let sakuraId: string;
  let tatamiId: string;
  let suitesId: string;
  let suiteIds: string[];
  let salonId: string;
  let chairId: string;

  /** Creates a resource once its business's verification has reached the resource service. */
  const createResource = (token: string, body: object): Promise<string> =>
    waitFor(
      async () => {
        const response = await api.call('POST', '/api/resources', body, token);
        // The resource service caches the business's status for a few seconds.
        if (response.statusCode !== 201) throw new Error(`not yet: ${response.body}`);
        return data<{ id: string }>(response).id;
      },
      { timeoutMs: 15_000, intervalMs: 500 },
    );
  const bookingsOf = async (who: Session): Promise<Booking[]> =>
    data<Booking[]>(await api.call('GET', '/api/bookings', undefined, who.accessToken));
  const bookingOf = async (id: string, who: Session): Promise<Booking> =>
    data<Booking>(await api.call('GET', `/api/bookings/${id}`, undefined, who.accessToken));
  /** The booking's payment, once the payment service has made it (from the booking's event). */
  const paymentOf = (bookingId: string, who: Session): Promise<Payment> =>
    waitFor(async () => {
      const list = data<Payment[]>(
        await api.call('GET', `/api/payments?bookingId=${bookingId}`, undefined, who.accessToken),
      );
      expect(list).toHaveLength(1);
      return list[0]!;
    });

  beforeAll(async () => {
    await ensureWebBuilt();
    platform = await startPlatform();
    api = new ApiClient(platform);
    base = await platform.gateway.listen({ port: 0, host: '127.0.0.1' });
    const admin = await api.admin();
    const vendor = await api.signUp('sakura@example.com', 'VENDOR');
    customer = await api.signUp('yuki@example.com');
    const business = data<{ id: string }>(
      await api.call(
        'POST',
        '/api/businesses',
        {
          name: 'Sakura Inn',
          type: 'HOTEL',
          timezone: 'Asia/Tokyo',
          address: '1-2-3 Gion, Kyoto',
          description: 'A quiet inn by the river.',
        },
        vendor.accessToken,
      ),
    );
    await api.call('PATCH', `/api/businesses/${business.id}/verify`, undefined, admin.accessToken);
    const weekly = Object.fromEntries(
      ['MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT', 'SUN'].map((day) => [day, [['09:00', '18:00']]]),
    );
    const schedule = await api.call(
      'PUT',
      `/api/businesses/${business.id}/schedule`,
      { weekly },
      vendor.accessToken,
    );
    if (schedule.statusCode !== 200) throw new Error(`schedule refused: ${schedule.body}`);
    sakuraId = business.id;
    tatamiId = await createResource(vendor.accessToken, {
      name: 'Tatami Room',
      type: 'HOTEL_ROOM',
      price: '90.00',
      currency: 'JPY',
      priceUnit: 'PER_HOUR',
      bookingRules: { slotMinutes: 60 },
    });
    // A room type of two rooms: booked as "any free one".
    const suites = await api.call(
      'POST',
      '/api/resources/categories',
      { name: 'Garden Suites', description: 'Two rooms facing the moss garden.' },
      vendor.accessToken,
    );
    if (suites.statusCode !== 201) throw new Error(`category refused: ${suites.body}`);
    suitesId = data<{ id: string }>(suites).id;
    suiteIds = [];
    for (const [name, price] of [
      ['Garden Suite East', '150.00'],
      ['Garden Suite West', '120.00'],
    ] as const) {
      suiteIds.push(
        await createResource(vendor.accessToken, {
          name,
          type: 'HOTEL_ROOM',
          categoryId: suitesId,
          price,
          currency: 'JPY',
          priceUnit: 'PER_HOUR',
          bookingRules: { slotMinutes: 60 },
        }),
      );
    }

    // A salon in another city that is paid up front (the simulated provider): refunds in full
    // until 24 hours before the start, half after.
    const stylist = await api.signUp('milano@example.com', 'VENDOR');
    const salon = await api.call(
      'POST',
      '/api/businesses',
      {
        name: 'Salone Milano',
        type: 'SALON',
        timezone: 'Europe/Rome',
        address: 'Via Roma 1, 20121 Milano',
        paymentMode: 'PREPAY',
        cancellationPolicy: { freeCancellationHours: 24, lateRefundPercent: 50 },
      },
      stylist.accessToken,
    );
    if (salon.statusCode !== 201) throw new Error(`salon refused: ${salon.body}`);
    salonId = data<{ id: string }>(salon).id;
    await api.call('PATCH', `/api/businesses/${salonId}/verify`, undefined, admin.accessToken);
    const salonHours = await api.call(
      'PUT',
      `/api/businesses/${salonId}/schedule`,
      { weekly },
      stylist.accessToken,
    );
    if (salonHours.statusCode !== 200) throw new Error(`schedule refused: ${salonHours.body}`);
    chairId = await createResource(stylist.accessToken, {
      name: 'Chair Uno',
      type: 'SALON_CHAIR',
      price: '40.00',
      currency: 'EUR',
      priceUnit: 'PER_BOOKING',
      bookingRules: { slotMinutes: 60, autoConfirm: true },
    });
    // Someone else, who takes slots through the API while a page shows them free.
    rival = await api.signUp('rival@example.com');
  });

  afterAll(async () => {
    await platform?.close();
  });

  it('has a typed client generated from the merged OpenAPI document that has not drifted', async () => {
    const document = (
      await platform.gateway.inject({ method: 'GET', url: '/api/docs/openapi.json' })
    ).json<object>();
    const generated = await webApiSchema(document);
    // UPDATE_WEB_API_SCHEMA=1 writes it instead: the way to regenerate it without `npm start`.
    if (process.env.UPDATE_WEB_API_SCHEMA === '1') await writeFile(WEB_API_SCHEMA_FILE, generated);
    const committed = await readFile(WEB_API_SCHEMA_FILE, 'utf8');
    expect(
      generated === committed,
      'apps/web/src/api/schema.d.ts is out of date: UPDATE_WEB_API_SCHEMA=1 npx vitest run e2e/web.test.ts -t "typed client"',
    ).toBe(true);
  });

  describe.skipIf(!hasChromium)('in Chromium (skipped when /usr/bin/chromium is absent)', () => {
    let browser: Browser;

    beforeAll(async () => {
      browser = await launchChromium();
    });

    afterAll(async () => {
      await browser?.close();
    });

    /**
     * A page of someone already signed in: the app keeps its session in the browser's localStorage,
     * put there before the app starts (signing in through the page is the first test's part).
     */
    const signedInPage = async (who: Session, options: Parameters<typeof openPage>[1] = {}) => {
      const opened = await openPage(browser, options);
      const stored = JSON.stringify(JSON.stringify(who));
      await opened.context.addInitScript({
        content: `localStorage.setItem('slotwise.session', ${stored});`,
      });
      return opened;
    };

    it('a visitor finds a business and its free week; signed in, books a slot in two clicks, sees it and cancels it', async () => {
      // A visitor far from the business sees its hours in its zone all the same; the wrong
      // password below is answered 401, which the browser logs.
      const { context, page, problems } = await openPage(browser, {
        timezoneId: 'America/New_York',
        allowedConsoleErrors: ['401'],
      });

      // Home: search by type and name.
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: 'Find a business' }).waitFor();
      await page.getByLabel('Type').selectOption('HOTEL');
      await page.getByLabel('Name').fill('sakura');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: 'Sakura Inn' }).waitFor();
      expect(page.url()).toBe(`${base}/?type=HOTEL&search=sakura`);
      await expectAccessible(page, 'home');
      await captureScreens(page, 'home');

      // The business: what can be booked and the opening hours.
      await page.getByRole('link', { name: 'Sakura Inn' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sakura Inn' }).waitFor();
      await page.getByRole('link', { name: 'Tatami Room' }).waitFor();
      await expect
        .poll(() => page.getByRole('row', { name: /Monday/ }).textContent())
        .toContain('09:00–18:00');
      await expectAccessible(page, 'business');
      await captureScreens(page, 'business');

      // The resource: a week of free slots in the business's time zone, named on screen.
      await page.getByRole('link', { name: 'Tatami Room' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tatami Room' }).waitFor();
      await expect.poll(() => page.locator('.zone').textContent()).toContain('Asia/Tokyo');
      const slots = page.getByRole('button', { name: /^\d\d:\d\d–\d\d:\d\d$/ });
      await slots.first().waitFor();
      expect(await page.locator('.day').count()).toBe(7);
      // Opening hours 09:00–18:00 Tokyo time: no slot starts before 09:00 or after 17:00.
      for (const label of await slots.allTextContents()) {
        expect(label.slice(0, 5) >= '09:00' && label.slice(0, 5) <= '17:00', label).toBe(true);
      }
      await expectAccessible(page, 'resource');
      await captureScreens(page, 'resource-week');

      // A visitor who picks a slot is asked to sign in first, and comes back here.
      await slots.first().click();
      await page.getByRole('link', { name: 'Sign in to book' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
      await expectAccessible(page, 'sign in');
      await page.getByLabel('Email or username').fill('yuki@example.com');
      await page.getByLabel('Password').fill('a wrong password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('alert').waitFor();
      await page.getByLabel('Password').fill('a long enough password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tatami Room' }).waitFor();

      // Two clicks: the slot, then Book.
      await slots.first().waitFor();
      const slotLabel = (await slots.first().textContent()) ?? '';
      await slots.first().click();
      await page.getByRole('button', { name: 'Book', exact: true }).click();
      const status = page.getByRole('status').filter({ hasText: 'Booked Tatami Room' });
      await status.waitFor();
      expect(await status.textContent()).toContain('Asia/Tokyo');
      const held = data<{ id: string; status: string; startTime: string }[]>(
        await api.call('GET', '/api/bookings', undefined, customer.accessToken),
      );
      expect(held).toHaveLength(1);
      expect(held[0]!.status).toBe('PENDING');
      // The slot it took is no longer offered.
      await expect.poll(() => slots.first().textContent()).not.toBe(slotLabel);

      // My bookings, then the booking's own page, where it is cancelled.
      await page.getByRole('link', { name: 'See my bookings' }).click();
      await page.getByRole('heading', { level: 1, name: 'My bookings' }).waitFor();
      await page.getByRole('heading', { name: 'Tatami Room at Sakura Inn' }).waitFor();
      await expectAccessible(page, 'my bookings');
      await captureScreens(page, 'my-bookings');
      await page.getByRole('link', { name: 'Tatami Room at Sakura Inn' }).click();
      await page.getByRole('heading', { level: 1, name: 'Tatami Room at Sakura Inn' }).waitFor();
      expect(page.url()).toBe(`${base}/bookings/${held[0]!.id}`);
      expect(await fact(page, 'When')).toContain(`${slotLabel} (Asia/Tokyo time)`);
      expect(await fact(page, 'Price')).toBe('90.00 JPY');
      // Nothing is paid through the platform here: no payment, and no word of money on cancelling.
      expect(await page.locator('.facts dt:text-is("Payment")').count()).toBe(0);
      await page.getByRole('button', { name: 'Cancel booking' }).click();
      await page.getByLabel('Reason (optional)').waitFor();
      expect(await page.getByText(/refund/i).count()).toBe(0);
      await page.getByLabel('Reason (optional)').fill('plans changed');
      await page.getByRole('button', { name: 'Confirm cancellation' }).click();
      await page.getByText('Cancelled', { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: 'Cancel booking' }).count()).toBe(0);
      const after = data<{ status: string; cancelReason: string }>(
        await api.call('GET', `/api/bookings/${held[0]!.id}`, undefined, customer.accessToken),
      );
      expect(after).toMatchObject({ status: 'CANCELLED', cancelReason: 'plans changed' });

      // A client-side route loaded directly comes from the fallback; nothing broke the CSP.
      await page.goto(`${base}/bookings`);
      await page.getByRole('heading', { name: 'Tatami Room at Sakura Inn' }).waitFor();
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);

    it('a visitor finds businesses by city, any part of their address in any case, and the address keeps the search', async () => {
      const { context, page, problems } = await openPage(browser);
      await page.goto(`${base}/`);
      await page.getByRole('heading', { level: 1, name: 'Find a business' }).waitFor();
      await page.getByLabel('City').fill('KYOTO');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByRole('link', { name: 'Sakura Inn' }).waitFor();
      expect(page.url()).toBe(`${base}/?city=KYOTO`);
      const cards = page.locator('.cards .card');
      const inKyoto = await api.call('GET', '/api/businesses?city=KYOTO');
      expect(data<{ name: string }[]>(inKyoto).map((b) => b.name)).toEqual(['Sakura Inn']);
      expect(await cards.count()).toBe(1);
      expect(await cards.first().textContent()).toContain('1-2-3 Gion, Kyoto');

      // Shared as a link: the fields say what was searched, with type and city together.
      await page.goto(`${base}/?type=SALON&city=milano`);
      await page.getByRole('link', { name: 'Salone Milano' }).waitFor();
      expect(await page.getByLabel('City').inputValue()).toBe('milano');
      expect(await page.getByLabel('Type').inputValue()).toBe('SALON');
      expect(await cards.count()).toBe(1);
      await page.getByLabel('Type').selectOption('HOTEL');
      await page.getByRole('button', { name: 'Search' }).click();
      await page.getByText('No business matches this search.').waitFor();
      expect(page.url()).toBe(`${base}/?type=HOTEL&city=milano`);
      expect(
        data<unknown[]>(await api.call('GET', '/api/businesses?type=HOTEL&city=milano')),
      ).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }, 60_000);

    it('a customer books any free room of a room type and is told which one they got', async () => {
      const hana = await api.signUp('hana@example.com');
      const { context, page, problems } = await signedInPage(hana, { timezoneId: 'Europe/London' });
      await page.goto(`${base}/businesses/${sakuraId}`);
      await page.getByRole('heading', { level: 2, name: 'Room types' }).waitFor();
      const free = await freeSlotsAsked(page, () =>
        page.getByRole('link', { name: 'Garden Suites' }).click(),
      );
      await page.getByRole('heading', { level: 1, name: 'Garden Suites' }).waitFor();
      await page.getByText('Two rooms facing the moss garden.').waitFor();
      await expect
        .poll(() => page.locator('main p.muted').first().textContent())
        .toContain('2 to choose from, from 120.00 JPY an hour');
      const slots = page.getByRole('button', { name: POOLED_SLOT });
      await slots.first().waitFor();
      expect(free[0]!.available).toBe(2);
      const first = (await slots.first().textContent()) ?? '';
      expect(first).toMatch(/ 2 free$/);
      await expectAccessible(page, 'room type');
      await captureScreens(page, 'category');

      // The first free time: one of the two rooms is taken, and the page says which.
      await slots.first().click();
      await page.getByRole('button', { name: 'Book', exact: true }).click();
      const booked = page.getByRole('status').filter({ hasText: 'Booked Garden Suite' });
      await booked.waitFor();
      const [mine] = await bookingsOf(hana);
      expect(mine).toMatchObject({ categoryId: suitesId, startTime: free[0]!.startTime });
      expect(suiteIds).toContain(mine!.resourceId);
      expect(await booked.textContent()).toContain(`Booked ${mine!.resourceName} for`);
      // The week was asked for again: one room is left then.
      await expect.poll(() => slots.first().textContent()).toBe(first.replace('2 free', '1 free'));

      // The same time again: the other room, and then none is left.
      await slots.first().click();
      await page.getByRole('button', { name: 'Book', exact: true }).click();
      await expect.poll(async () => (await bookingsOf(hana)).length).toBe(2);
      const other = (await bookingsOf(hana)).find((b) => b.id !== mine!.id)!;
      expect(other.startTime).toBe(mine!.startTime);
      expect(other.resourceId).not.toBe(mine!.resourceId);
      await expect.poll(() => booked.textContent()).toContain(`Booked ${other.resourceName} for`);
      await expect
        .poll(() => slots.first().textContent())
        .not.toContain(first.slice(0, '00:00–00:00'.length));
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);

    it('a slot taken meanwhile: Book shows the API’s refusal beside it and the week is asked for again', async () => {
      const kenji = await api.signUp('kenji@example.com');
      const { context, page, problems } = await signedInPage(kenji, {
        allowedConsoleErrors: ['409'],
      });
      const free = await freeSlotsAsked(page, () => page.goto(`${base}/resources/${tatamiId}`));
      const slots = page.getByRole('button', { name: SLOT });
      await slots.first().waitFor();
      const shown = await slots.count();
      const taken = free[1]!;
      await slots.nth(1).click();

      // Someone else books that very slot after the page showed it free.
      const theirs = await api.call(
        'POST',
        '/api/bookings',
        { resourceId: tatamiId, startTime: taken.startTime, endTime: taken.endTime },
        rival.accessToken,
      );
      expect(theirs.statusCode, theirs.body).toBe(201);
      const refreshed = await freeSlotsAsked(page, () =>
        page.getByRole('button', { name: 'Book', exact: true }).click(),
      );
      const panel = page.locator('.booking-panel');
      const alert = panel.getByRole('alert');
      await alert.waitFor();
      // The words are the API's own: the same request answers them.
      const again = await api.call(
        'POST',
        '/api/bookings',
        { resourceId: tatamiId, startTime: taken.startTime, endTime: taken.endTime },
        kenji.accessToken,
      );
      expect(again.statusCode).toBe(409);
      const message = again.json<{ error: { message: string } }>().error.message;
      expect(await alert.textContent()).toBe(`Could not book: ${message}`);
      expect(await panel.getByRole('button', { name: 'Book', exact: true }).count()).toBe(1);
      // The week shown now is the API's new answer, without the slot taken.
      expect(refreshed.map((slot) => slot.startTime)).not.toContain(taken.startTime);
      await expect.poll(() => slots.count()).toBe(shown - 1);
      expect(await bookingsOf(kenji)).toEqual([]);
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);

    it('a customer books a prepaid chair, pays on the checkout page, reschedules, and cancels seeing the refund first', async () => {
      const mio = await api.signUp('mio@example.com');
      const { context, page, problems } = await signedInPage(mio, {
        timezoneId: 'Asia/Tokyo',
        allowedConsoleErrors: ['409'],
      });
      await page.goto(`${base}/businesses/${salonId}`);
      await page.getByRole('heading', { level: 1, name: 'Salone Milano' }).waitFor();
      const free = await freeSlotsAsked(page, () =>
        page.getByRole('link', { name: 'Chair Uno' }).click(),
      );
      const slots = page.getByRole('button', { name: SLOT });
      await slots.first().waitFor();
      // Two days ahead: outside the 24 hours in which a cancellation is refunded only in half.
      const later = free.findIndex(
        (slot) => Date.parse(slot.startTime) >= Date.now() + 48 * HOUR_MS,
      );
      const bookedLabel = (await slots.nth(later).textContent()) ?? '';
      await slots.nth(later).click();
      await page.getByRole('button', { name: 'Book', exact: true }).click();
      const booked = page.getByRole('status').filter({ hasText: 'Booked Chair Uno' });
      await booked.waitFor();
      expect(await booked.textContent()).toContain('pay from its page');
      const [made] = await bookingsOf(mio);
      expect(made).toMatchObject({
        startTime: free[later]!.startTime,
        status: 'PENDING',
        paymentStatus: 'PENDING',
      });

      // Its page: the payment link (made by the payment service from the booking's event) and
      // until when to pay, in the salon's zone, named.
      await page.getByRole('link', { name: 'See this booking' }).click();
      await page.getByRole('heading', { level: 1, name: 'Chair Uno at Salone Milano' }).waitFor();
      expect(page.url()).toBe(`${base}/bookings/${made!.id}`);
      const payNow = page.getByRole('link', { name: 'Pay now' });
      await payNow.waitFor();
      const payment = await paymentOf(made!.id, mio);
      expect(payment).toMatchObject({ status: 'PENDING', amount: '40.00' });
      expect(await payNow.getAttribute('href')).toBe(payment.checkoutUrl);
      expect(
        await page
          .getByText(/^Pay by .* \(Europe\/Rome time\), or the booking is released\.$/)
          .count(),
      ).toBe(1);
      expect(await fact(page, 'Payment')).toBe('Waiting for payment');
      expect(await fact(page, 'Status')).toBe('Held for you until paid');
      expect(await fact(page, 'Price')).toBe('40.00 EUR');
      expect(await fact(page, 'When')).toContain(`${bookedLabel} (Europe/Rome time)`);
      await expectAccessible(page, 'booking, to pay');
      await captureScreens(page, 'booking-detail');

      // Paid on the provider's page in another tab (through the gateway): this one notices.
      const checkout = await context.newPage();
      await checkout.goto(`${base}${new URL(payment.checkoutUrl).pathname}`);
      await checkout.getByRole('button', { name: 'Pay 40.00 EUR' }).click();
      await checkout.getByRole('heading', { name: 'Simulated checkout' }).waitFor();
      await checkout.close();
      await expect.poll(() => fact(page, 'Payment'), { timeout: 20_000 }).toBe('Paid');
      expect(await fact(page, 'Status')).toBe('Confirmed');
      expect(await payNow.count()).toBe(0);
      expect(await bookingOf(made!.id, mio)).toMatchObject({
        status: 'CONFIRMED',
        paymentStatus: 'PAID',
      });

      // Reschedule: first to a time someone takes meanwhile (the API's refusal shown beside the
      // button, the week asked for again), then to a free one.
      const moves = await freeSlotsAsked(
        page,
        () => page.getByRole('button', { name: 'Choose a new time' }).click(),
        'slotMinutes=60',
      );
      await slots.first().waitFor();
      const takenAt = moves.findIndex((s) => Date.parse(s.startTime) >= Date.now() + 72 * HOUR_MS);
      const target = moves[takenAt + 1]!;
      await slots.nth(takenAt).click();
      const theirs = await api.call(
        'POST',
        '/api/bookings',
        {
          resourceId: chairId,
          startTime: moves[takenAt]!.startTime,
          endTime: moves[takenAt]!.endTime,
        },
        rival.accessToken,
      );
      expect(theirs.statusCode, theirs.body).toBe(201);
      const move = page.getByRole('button', { name: 'Move to this time' });
      const afterRefusal = await freeSlotsAsked(page, () => move.click(), 'slotMinutes=60');
      const refusal = page.locator('#reschedule-heading ~ .booking-panel').getByRole('alert');
      await refusal.waitFor();
      expect(await refusal.textContent()).toMatch(/^Could not reschedule: .*already booked/);
      expect((await bookingOf(made!.id, mio)).startTime).toBe(made!.startTime);
      const now = afterRefusal.findIndex((s) => s.startTime === target.startTime);
      expect(afterRefusal.map((s) => s.startTime)).not.toContain(moves[takenAt]!.startTime);
      const label = (await slots.nth(now).textContent()) ?? '';
      await slots.nth(now).click();
      await move.click();
      await page.getByRole('status').filter({ hasText: 'Moved to' }).waitFor();
      const moved = await bookingOf(made!.id, mio);
      expect(moved).toMatchObject({
        id: made!.id,
        startTime: target.startTime,
        endTime: target.endTime,
        status: 'CONFIRMED',
      });
      expect(await fact(page, 'When')).toContain(`${label} (Europe/Rome time)`);

      // Cancel: two days ahead, the policy gives everything back, said before confirming.
      await page.getByRole('button', { name: 'Cancel booking' }).click();
      expect(await page.locator('.refund').textContent()).toBe('Full refund: 40.00 EUR.');
      await page.getByRole('button', { name: 'Confirm cancellation' }).click();
      await expect.poll(() => fact(page, 'Status')).toBe('Cancelled');
      await expect
        .poll(() => fact(page, 'Payment'), { timeout: 20_000 })
        .toBe('Refunded (40.00 EUR back)');
      expect(await paymentOf(made!.id, mio)).toMatchObject({
        status: 'REFUNDED',
        refundedAmount: '40.00',
      });
      expect(await bookingOf(made!.id, mio)).toMatchObject({
        status: 'CANCELLED',
        paymentStatus: 'REFUNDED',
      });
      expect(problems).toEqual([]);
      await context.close();
    }, 180_000);

    it('late, a paid booking is refunded in half by its policy (said before confirming), and the API refuses to move it', async () => {
      const sora = await api.signUp('sora@example.com');
      // The chair's first free hour: well inside the 24 hours before the start.
      const hour = new Date();
      hour.setUTCMinutes(0, 0, 0);
      const week = data<{ free: Slot[] }>(
        await api.call(
          'GET',
          `/api/bookings/availability?resourceId=${chairId}&from=${hour.toISOString()}&to=${new Date(hour.getTime() + 24 * HOUR_MS).toISOString()}`,
        ),
      );
      const soon = week.free[0]!;
      const made = await api.call(
        'POST',
        '/api/bookings',
        { resourceId: chairId, startTime: soon.startTime, endTime: soon.endTime },
        sora.accessToken,
      );
      expect(made.statusCode, made.body).toBe(201);
      const booking = data<Booking>(made);
      const payment = await paymentOf(booking.id, sora);
      // Paid as the checkout page does it (the test above pays through the page itself).
      const paid = await api.call(
        'POST',
        `/api/payments/${payment.id}/simulate`,
        { outcome: 'succeed' },
        sora.accessToken,
      );
      expect(paid.statusCode, paid.body).toBe(200);
      await waitFor(async () =>
        expect((await bookingOf(booking.id, sora)).paymentStatus).toBe('PAID'),
      );

      const { context, page, problems } = await signedInPage(sora, {
        allowedConsoleErrors: ['403'],
      });
      await page.goto(`${base}/bookings/${booking.id}`);
      await page.getByRole('heading', { level: 1, name: 'Chair Uno at Salone Milano' }).waitFor();
      expect(await fact(page, 'Payment')).toBe('Paid');

      // Too late for a customer to move it: the API says so beside the button.
      await page.getByRole('button', { name: 'Choose a new time' }).click();
      const slots = page.getByRole('button', { name: SLOT });
      await slots.nth(20).click();
      await page.getByRole('button', { name: 'Move to this time' }).click();
      const refusal = page.getByRole('alert').filter({ hasText: 'Could not reschedule' });
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('until 24 hours before the start');
      expect(await bookingOf(booking.id, sora)).toMatchObject({
        startTime: booking.startTime,
        endTime: booking.endTime,
      });

      await page.getByRole('button', { name: 'Cancel booking' }).click();
      expect(await page.locator('.refund').textContent()).toBe(
        '50 % refund (20.00 EUR): you cancel less than 24 hours before the start.',
      );
      await expectAccessible(page, 'booking, late cancel');
      await page.getByRole('button', { name: 'Confirm cancellation' }).click();
      await expect.poll(() => fact(page, 'Status')).toBe('Cancelled');
      await expect
        .poll(() => fact(page, 'Payment'), { timeout: 20_000 })
        .toBe('Partly refunded (20.00 EUR back)');
      expect(await paymentOf(booking.id, sora)).toMatchObject({
        status: 'PARTIALLY_REFUNDED',
        refundedAmount: '20.00',
      });
      expect((await bookingOf(booking.id, sora)).paymentStatus).toBe('PARTIALLY_REFUNDED');
      expect(problems).toEqual([]);
      await context.close();
    }, 120_000);
  });
});
