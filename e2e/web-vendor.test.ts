import { waitFor } from '@slotwise/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, data, type Session } from './client.js';
import { startPlatform, type Platform } from './platform.js';
import {
  captureScreens,
  ensureWebBuilt,
  expectAccessible,
  hasChromium,
  launchChromium,
  openPage,
  type WebPage,
} from './web-browser.js';

/** The business's zone, which is also the browser's: the create form offers it by default. */
const ZONE = 'Europe/Berlin';
const DAY_MS = 86_400_000;

/** The calendar date of an instant where the business is. */
const dayIn = (instant: string | number | Date): string =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(instant));

/** The date after `date`. */
const nextDay = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

/** The instant `date` begins in Berlin (its midnight, at +01:00 in winter or +02:00 in summer). */
const midnight = (date: string): string =>
  ['+01:00', '+02:00']
    .map((offset) => new Date(`${date}T00:00:00${offset}`))
    .find((at) => dayIn(at) === date && dayIn(at.getTime() - 1) !== date)!
    .toISOString();

/** "Mon 7 Dec", as the week view names a day. */
const dayLabel = (date: string): string =>
  new Intl.DateTimeFormat('en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  }).format(new Date(`${date}T12:00:00Z`));

/** "09:30" as the page writes a time (en-GB, the business's zone). */
const clock = (instant: string): string =>
  new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: ZONE }).format(
    new Date(instant),
  );

interface Booking {
  id: string;
  status: string;
  startTime: string;
  endTime: string;
  cancelReason: string | null;
}
interface Slot {
  startTime: string;
  endTime: string;
}

/**
 * The vendor's story, step by step in one browser page (each step builds on the one before):
 * a vendor signs in and creates the business; an admin verifies it; the vendor sets the hours,
 * the policies, a category and a resource, then handles a customer's booking from the calendar.
 */
describe.skipIf(!hasChromium)('the vendor area, in Chromium', () => {
  let platform: Platform;
  let api: ApiClient;
  let admin: Session;
  let vendor: Session;
  let customer: Session;
  let base: string;
  let browser: Browser;
  let web: WebPage;
  let page: Page;
  let businessId: string;
  let resourceId: string;
  let categoryId: string;
  /** The exceptions: a date closed, and one with its own hours. */
  const closedDate = dayIn(Date.now() + 10 * DAY_MS);
  const shortDate = dayIn(Date.now() + 11 * DAY_MS);

  const get = async <T>(url: string, token = vendor.accessToken): Promise<T> => {
    const response = await api.call('GET', url, undefined, token);
    expect(response.statusCode, response.body).toBe(200);
    return data<T>(response);
  };
  const subNav = (name: string) =>
    page.getByRole('navigation', { name: 'My business' }).getByRole('link', { name });
  /** The page from its top, as the docs show it (and, always, checked on a phone's width). */
  const screens = async (name: string) => {
    await page.evaluate('window.scrollTo(0, 0)');
    await captureScreens(page, name);
  };
  const h1 = (name: string) => page.getByRole('heading', { level: 1, name }).waitFor();

  beforeAll(async () => {
    await ensureWebBuilt();
    platform = await startPlatform();
    api = new ApiClient(platform);
    base = await platform.gateway.listen({ port: 0, host: '127.0.0.1' });
    admin = await api.admin();
    vendor = await api.signUp('kiko@example.com', 'VENDOR');
    customer = await api.signUp('mika@example.com');
    browser = await launchChromium();
    // Answers the steps provoke on purpose: no business yet (404), validation (400), conflicts
    // (409), business rules (422).
    web = await openPage(browser, {
      timezoneId: ZONE,
      allowedConsoleErrors: ['400', '404', '409', '422'],
    });
    page = web.page;
  });

  afterAll(async () => {
    await web?.context.close();
    await browser?.close();
    await platform?.close();
  }, 180_000);

  it('a vendor signs in and creates the business, which waits for verification', async () => {
    await page.goto(`${base}/sign-in?next=%2Fvendor`);
    await page.getByLabel('Email or username').fill('kiko@example.com');
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await h1('My business');
    await page.getByRole('heading', { name: 'Create your business' }).waitFor();
    // The zone defaults to the browser's.
    expect(await page.getByLabel('Time zone').inputValue()).toBe(ZONE);
    await expectAccessible(page, 'vendor: create your business');

    await page.getByLabel('Name', { exact: true }).fill('Kiko Studio');
    await page.getByLabel('Type').selectOption('SALON');
    await page.getByLabel('Address (optional)').fill('Torstraße 1, Berlin');
    await page.getByLabel('Description (optional)').fill('Cuts and colour.');
    await page.getByLabel('Email (optional)').fill('hello@kiko.example');
    await page.getByLabel('Phone (optional)').fill('+49 30 1234567');
    await page.getByRole('button', { name: 'Create business' }).click();
    await page.getByText('waiting for verification by an admin').waitFor();

    const business = await get<Record<string, unknown>>('/api/businesses/me');
    expect(business).toMatchObject({
      name: 'Kiko Studio',
      type: 'SALON',
      timezone: ZONE,
      address: 'Torstraße 1, Berlin',
      email: 'hello@kiko.example',
      status: 'PENDING',
      isVerified: false,
    });
    businessId = business.id as string;
    await expectAccessible(page, 'vendor: dashboard');
    await screens('vendor-dashboard');

    // Until it is verified, a resource is refused, in words.
    await subNav('Resources').click();
    await h1('Resources');
    await expectAccessible(page, 'vendor: resources');
    await page.getByRole('link', { name: 'Add a resource' }).click();
    await h1('New resource');
    await page.getByLabel('Name', { exact: true }).fill('Chair 1');
    await page.getByLabel('Amount').fill('45');
    await page.getByRole('button', { name: 'Create resource' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'once an admin has verified your business' })
      .waitFor();
    expect((await get<{ total: number }>('/api/resources/stats')).total).toBe(0);
  }, 180_000);

  it('once an admin verifies it, the vendor edits the profile and pauses and resumes bookings', async () => {
    const verified = await api.call(
      'PATCH',
      `/api/businesses/${businessId}/verify`,
      undefined,
      admin.accessToken,
    );
    expect(verified.statusCode, verified.body).toBe(200);

    await subNav('Profile').click();
    await h1('Business profile');
    await page.getByText('Active: customers can find it and book.').waitFor();
    await page.getByLabel('Phone (optional)').fill('+49 30 7654321');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Profile saved.' }).waitFor();
    expect(await get('/api/businesses/me')).toMatchObject({ phone: '+49 30 7654321' });
    await expectAccessible(page, 'vendor: profile');

    await page.getByRole('button', { name: 'Set inactive (stop taking bookings)' }).click();
    await page.getByText('Inactive: hidden from customers').waitFor();
    expect(await get('/api/businesses/me')).toMatchObject({ status: 'INACTIVE' });
    await page.getByRole('button', { name: 'Set active (take bookings again)' }).click();
    await page.getByText('Active: customers can find it and book.').waitFor();
    expect(await get('/api/businesses/me')).toMatchObject({ status: 'ACTIVE' });
  }, 180_000);

  it('sets the weekly hours and two exceptions; a wrong interval is refused next to its day', async () => {
    await subNav('Opening hours').click();
    await h1('Opening hours');
    await page.getByText('Opening hours: open around the clock.').waitFor();
    const day = (name: string) => page.getByRole('group', { name, exact: true });

    // Monday: a morning and an afternoon.
    await day('Monday').getByLabel('Closes').fill('12:00');
    await page.getByRole('button', { name: 'Add hours to Monday' }).click();
    await day('Monday').getByLabel('Opens').nth(1).fill('13:00');
    await day('Monday').getByLabel('Closes').nth(1).fill('18:00');
    // Saturday, closed so far: open until midnight.
    await day('Saturday').getByLabel('Closed all day').uncheck();
    await day('Saturday').getByLabel('Opens').fill('10:00');
    await day('Saturday').getByLabel('Closes').fill('24:00');
    // Tuesday: closing before opening.
    await day('Tuesday').getByLabel('Opens').fill('18:00');
    await day('Tuesday').getByLabel('Closes').fill('09:00');
    // A holiday, and a short day.
    await page.getByRole('button', { name: 'Add an exception' }).click();
    await day('New exception').getByLabel('Date').fill(closedDate);
    await page.getByRole('button', { name: 'Add an exception' }).click();
    await day('New exception').getByLabel('Date').fill(shortDate);
    const short = day(`Exception on ${shortDate}`);
    await short.getByLabel('Closed all day').uncheck();
    await short.getByLabel('Opens').fill('10:00');
    await short.getByLabel('Closes').fill('14:00');

    await page.getByRole('button', { name: 'Save opening hours' }).click();
    await expect
      .poll(() => day('Tuesday').getByRole('alert').textContent())
      .toContain('Hours 1: an interval starts before it ends');
    expect(await day('Tuesday').getByLabel('Opens').getAttribute('aria-invalid')).toBe('true');
    expect(await day('Monday').getByRole('alert').count()).toBe(0);
    await expectAccessible(page, 'vendor: hours, refused');
    // Nothing was saved.
    expect(await get(`/api/businesses/${businessId}/schedule`)).toMatchObject({ weekly: null });

    await day('Tuesday').getByLabel('Opens').fill('09:00');
    await day('Tuesday').getByLabel('Closes').fill('17:00');
    await page.getByRole('button', { name: 'Save opening hours' }).click();
    await page.getByRole('status').filter({ hasText: 'Opening hours saved.' }).waitFor();
    expect(await day('Tuesday').getByRole('alert').count()).toBe(0);
    const office = [['09:00', '17:00']];
    expect(await get(`/api/businesses/${businessId}/schedule`)).toEqual({
      timezone: ZONE,
      weekly: {
        MON: [
          ['09:00', '12:00'],
          ['13:00', '18:00'],
        ],
        TUE: office,
        WED: office,
        THU: office,
        FRI: office,
        SAT: [['10:00', '24:00']],
      },
      overrides: [
        { date: closedDate, intervals: [] },
        { date: shortDate, intervals: [['10:00', '14:00']] },
      ],
    });
    await expect
      .poll(() => page.getByRole('row', { name: /Monday/ }).textContent())
      .toContain('09:00–12:00, 13:00–18:00');
    await expectAccessible(page, 'vendor: hours');
    await screens('vendor-hours');
  }, 180_000);

  it('sets the policies; an out-of-range refund is refused next to its field', async () => {
    await subNav('Policies').click();
    await h1('Policies');
    await page.getByLabel('Pay after the visit').check();
    await page.getByLabel('Free cancellation until (hours before the start)').fill('48');
    const refund = page.getByLabel('Refund for a later cancellation (%)');
    await refund.fill('150');
    await page.getByLabel('Cancel the bookings').check();
    await page.getByLabel('Time to confirm a booking request (minutes)').fill('120');
    await page.getByRole('button', { name: 'Save policies' }).click();

    await expect
      .poll(() => refund.getAttribute('aria-describedby'))
      .toContain('late-refund-percent-error');
    expect(await page.locator('#late-refund-percent-error').textContent()).toMatch(/100/);
    expect(await get('/api/businesses/me')).toMatchObject({ paymentMode: 'NONE' });
    await expectAccessible(page, 'vendor: policies, refused');

    await refund.fill('50');
    await page.getByRole('button', { name: 'Save policies' }).click();
    await page.getByRole('status').filter({ hasText: 'Policies saved.' }).waitFor();
    expect(await get('/api/businesses/me')).toMatchObject({
      paymentMode: 'POSTPAY',
      cancellationPolicy: { freeCancellationHours: 48, lateRefundPercent: 50 },
      maintenancePolicy: 'CANCEL',
      confirmationWindowMinutes: 120,
    });
    await page.getByText('Now: 2 hours.').waitFor();
    await expectAccessible(page, 'vendor: policies');
  }, 180_000);

  it('adds a category and renames it', async () => {
    await subNav('Categories').click();
    await h1('Categories');
    const add = page.getByRole('region', { name: 'Add a category' });
    await add.getByLabel('Name').fill('Chairs');
    await add.getByLabel('Description (optional)').fill('Where the cutting happens');
    await add.getByRole('button', { name: 'Add category' }).click();
    await page.getByRole('heading', { name: 'Chairs', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Edit Chairs' }).click();
    await page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { name: 'Change Chairs' }) })
      .getByLabel('Name')
      .fill('Styling chairs');
    await page.getByRole('button', { name: 'Save category' }).click();
    await page.getByRole('heading', { name: 'Styling chairs', exact: true }).waitFor();

    const categories = await get<{ id: string; name: string; description: string }[]>(
      `/api/resources/categories?businessId=${businessId}`,
    );
    expect(categories).toEqual([
      expect.objectContaining({ name: 'Styling chairs', description: 'Where the cutting happens' }),
    ]);
    categoryId = categories[0]!.id;
    await expectAccessible(page, 'vendor: categories');
  }, 180_000);

  it('creates a resource with booking rules, sets its status and its own hours', async () => {
    await subNav('Resources').click();
    await page.getByRole('link', { name: 'Add a resource' }).click();
    await h1('New resource');
    await page.getByLabel('Name', { exact: true }).fill('Chair 1');
    await page.getByLabel('Type').selectOption('SALON_CHAIR');
    await page.getByLabel('Category').selectOption({ label: 'Styling chairs' });
    await page.getByLabel('Amount').fill('45');
    await page.getByLabel('Currency').fill('eur');
    await page.getByLabel('Shortest booking (minutes)').fill('30');
    await page.getByLabel('Longest booking (minutes)').fill('120');
    await page.getByLabel('Time kept free after each booking (minutes)').fill('15');
    await page.getByLabel('Least notice before a booking starts (minutes)').fill('60');
    await page.getByLabel('How far ahead customers may book (days)').fill('60');
    await page.getByLabel('Start times').selectOption('30');
    await expectAccessible(page, 'vendor: new resource');

    // The resource service learns of the verification through an event: until then it refuses.
    const create = page.getByRole('button', { name: 'Create resource' });
    await expect
      .poll(
        async () => {
          const [response] = await Promise.all([
            page.waitForResponse(
              (r) => r.url().endsWith('/api/resources') && r.request().method() === 'POST',
            ),
            create.click(),
          ]);
          return response.status();
        },
        { timeout: 20_000, interval: 500 },
      )
      .toBe(201);
    await h1('Edit resource');
    await page.getByRole('status').filter({ hasText: 'Chair 1 was created.' }).waitFor();
    resourceId = new URL(page.url()).pathname.split('/').pop()!;
    expect(await get(`/api/resources/${resourceId}`)).toMatchObject({
      name: 'Chair 1',
      type: 'SALON_CHAIR',
      categoryId,
      price: '45.00',
      currency: 'EUR',
      priceUnit: 'PER_BOOKING',
      status: 'ACTIVE',
      bookingRules: {
        minDurationMinutes: 30,
        maxDurationMinutes: 120,
        slotMinutes: 30,
        bufferMinutes: 15,
        minNoticeMinutes: 60,
        maxAdvanceDays: 60,
        autoConfirm: false,
      },
    });

    // A shortest booking longer than the longest: refused next to its field.
    await page.getByLabel('Shortest booking (minutes)').fill('180');
    await page.getByRole('button', { name: 'Save resource' }).click();
    await expect
      .poll(() => page.locator('#rule-minDurationMinutes-error').textContent())
      .toContain('at most maxDurationMinutes');
    await page.getByLabel('Shortest booking (minutes)').fill('30');
    await page.getByLabel('Description (optional)').fill('By the window');
    await page.getByRole('button', { name: 'Save resource' }).click();
    await page.getByRole('status').filter({ hasText: 'Resource saved.' }).waitFor();
    expect(await get(`/api/resources/${resourceId}`)).toMatchObject({
      description: 'By the window',
      bookingRules: { minDurationMinutes: 30 },
    });
    await expectAccessible(page, 'vendor: resource edit');
    await screens('vendor-resource-edit');

    // Its status, there and back.
    await page.getByLabel('In maintenance').check();
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('status').filter({ hasText: 'In maintenance: not bookable' }).waitFor();
    expect(await get(`/api/resources/${resourceId}`)).toMatchObject({ status: 'MAINTENANCE' });
    await page.getByLabel('Active', { exact: true }).check();
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('status').filter({ hasText: 'Active: customers can book it' }).waitFor();
    expect(await get(`/api/resources/${resourceId}`)).toMatchObject({ status: 'ACTIVE' });

    // Its own hours, then the business's again.
    await page.getByText('It follows the business’s hours:').waitFor();
    await page.getByRole('button', { name: 'Give it hours of its own' }).click();
    await page
      .getByRole('group', { name: 'Sunday', exact: true })
      .getByLabel('Closed all day')
      .uncheck();
    await page.getByRole('button', { name: 'Save its own hours' }).click();
    await page.getByText('It has hours of its own, instead of the business’s:').waitFor();
    expect(await get(`/api/resources/${resourceId}/schedule`)).toMatchObject({
      inherited: false,
      weekly: { SUN: [['09:00', '17:00']] },
    });
    await page.getByRole('button', { name: 'Follow the business’s hours' }).click();
    await page.getByText('It follows the business’s hours again.').waitFor();
    expect(await get(`/api/resources/${resourceId}/schedule`)).toMatchObject({
      inherited: true,
      weekly: { SAT: [['10:00', '24:00']] },
    });

    // The category is in use now: it cannot be deleted.
    await subNav('Categories').click();
    await page.getByRole('button', { name: 'Delete Styling chairs' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: 'Resources still belong to this category' })
      .waitFor();
    expect(await get(`/api/resources/categories/${categoryId}`)).toMatchObject({
      name: 'Styling chairs',
    });

    // The hours reached booking: the holiday has no open time, the short day its own.
    const open = async (date: string) =>
      (
        await get<{ open: Slot[] }>(
          `/api/bookings/availability?resourceId=${resourceId}&from=${midnight(date)}&to=${midnight(nextDay(date))}`,
        )
      ).open.map((o) => `${clock(o.startTime)}–${clock(o.endTime)}`);
    expect(await open(closedDate)).toEqual([]);
    expect(await open(shortDate)).toEqual(['10:00–14:00']);
  }, 180_000);

  it('confirms a booking in the day view, checks it in and completes it; a refused step is said why', async () => {
    // Two free slots of one day, far enough apart for the buffer.
    const free = (
      await get<{ free: Slot[] }>(
        `/api/bookings/availability?resourceId=${resourceId}&from=${new Date().toISOString()}&to=${new Date(Date.now() + 14 * DAY_MS).toISOString()}`,
      )
    ).free;
    const pair = free
      .map((first) => ({
        first,
        second: free.find(
          (s) =>
            dayIn(s.startTime) === dayIn(first.startTime) &&
            Date.parse(s.startTime) >= Date.parse(first.endTime) + 15 * 60_000,
        ),
      }))
      .find((p) => p.second)!;
    const book = (slot: Slot) =>
      waitFor(
        async () => {
          const response = await api.call(
            'POST',
            '/api/bookings',
            { resourceId, startTime: slot.startTime, endTime: slot.endTime },
            customer.accessToken,
          );
          // Booking's snapshot of the resource follows its status changes through events.
          if (response.statusCode !== 201) throw new Error(`not yet: ${response.body}`);
          return data<Booking>(response);
        },
        { timeoutMs: 15_000, intervalMs: 300 },
      );
    const visit = await book(pair.first);
    const other = await book(pair.second!);
    expect(visit.status).toBe('PENDING');
    const date = dayIn(visit.startTime);
    const card = (b: Slot) =>
      page.getByRole('article', { name: `${clock(b.startTime)}–${clock(b.endTime)} Chair 1` });

    // Today's day view, then the next day, through the page's own links.
    await subNav('Bookings').click();
    await h1('Bookings');
    await page.getByText(`Times are in the business’s time zone: ${ZONE}`).waitFor();
    expect(new URL(page.url()).search).toBe('');
    await page.getByRole('link', { name: 'Next day' }).click();
    await expect
      .poll(() => new URL(page.url()).search)
      .toBe(`?view=day&date=${nextDay(dayIn(Date.now()))}`);

    // The week of the booking, then its day.
    await page.goto(`${base}/vendor/bookings?view=week&date=${date}`);
    await card(visit).waitFor();
    await card(other).waitFor();
    await expectAccessible(page, 'vendor: bookings, week');
    await screens('vendor-bookings-week');
    await page.getByRole('link', { name: dayLabel(date), exact: true }).click();
    await expect.poll(() => new URL(page.url()).search).toBe(`?view=day&date=${date}`);
    await card(visit).getByRole('button', { name: 'Confirm' }).waitFor();
    await expectAccessible(page, 'vendor: bookings, day');
    await screens('vendor-bookings-day');

    // The customer cancels the other one meanwhile: declining it is refused, and said why.
    const cancelled = await api.call(
      'POST',
      `/api/bookings/${other.id}/cancel`,
      { reason: 'plans changed' },
      customer.accessToken,
    );
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await card(other).getByRole('button', { name: 'Decline' }).click();
    await card(other).getByLabel('Reason (optional)').fill('fully booked');
    await card(other).getByRole('button', { name: 'Decline' }).click();
    await expect
      .poll(() => card(other).getByRole('alert').textContent())
      .toContain('Could not decline this booking: A CANCELLED booking cannot be cancelled');
    await card(other).getByText('Cancelled: plans changed').waitFor();
    expect(await get<Booking>(`/api/bookings/${other.id}`)).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'plans changed',
    });

    // Confirm, in place; before it starts there is no No-show.
    await card(visit).getByRole('button', { name: 'Confirm' }).click();
    await card(visit).getByRole('status').filter({ hasText: 'Confirmed' }).waitFor();
    expect(await get<Booking>(`/api/bookings/${visit.id}`)).toMatchObject({ status: 'CONFIRMED' });
    await card(visit).getByRole('button', { name: 'Check in' }).waitFor();
    expect(await card(visit).getByRole('button', { name: 'No-show' }).count()).toBe(0);

    // The customer arrives: the booking has begun (moved to half an hour ago).
    const start = await platform.startedAgo(visit.id, 30);
    const begun = await get<Booking>(`/api/bookings/${visit.id}`);
    await page.goto(`${base}/vendor/bookings?view=day&date=${dayIn(start)}`);
    await card(begun).getByRole('button', { name: 'No-show' }).waitFor();
    await card(begun).getByRole('button', { name: 'Check in' }).click();
    await card(begun).getByRole('status').filter({ hasText: 'Checked in' }).waitFor();
    expect(await get<Booking>(`/api/bookings/${visit.id}`)).toMatchObject({
      status: 'IN_PROGRESS',
    });
    await card(begun).getByRole('button', { name: 'Complete' }).click();
    await card(begun).getByRole('status').filter({ hasText: 'Completed' }).waitFor();
    expect(
      await card(begun)
        .getByRole('button', { name: /Confirm|Check in|Complete/ })
        .count(),
    ).toBe(0);
    expect(await get<Booking>(`/api/bookings/${visit.id}`)).toMatchObject({ status: 'COMPLETED' });

    // Its history, on the page and in the API.
    await card(begun).getByRole('button', { name: 'Show history' }).click();
    const steps = card(begun)
      .getByRole('list', { name: /History of/ })
      .getByRole('listitem');
    await expect.poll(() => steps.allTextContents()).toHaveLength(4);
    const words = await steps.allTextContents();
    for (const [i, word] of ['Requested', 'Confirmed', 'Checked in', 'Completed'].entries()) {
      expect(words[i]).toContain(word);
    }
    const history = await get<{ toStatus: string }[]>(`/api/bookings/${visit.id}/history`);
    expect(history.map((h) => h.toStatus)).toEqual([
      'PENDING',
      'CONFIRMED',
      'IN_PROGRESS',
      'COMPLETED',
    ]);

    // The overview counts what the API holds: the resources, and today's bookings.
    const now = dayIn(Date.now());
    const todays = await get<Booking[]>(
      `/api/bookings?businessId=${businessId}&from=${midnight(now)}&to=${midnight(nextDay(now))}`,
    );
    await subNav('Overview').click();
    await h1('My business');
    await page.getByText('1 resource: 1 active, 0 inactive, 0 in maintenance.').waitFor();
    await page
      .getByText(`${todays.length} ${todays.length === 1 ? 'booking' : 'bookings'} today`)
      .waitFor();
    expect(web.problems).toEqual([]);
  }, 120_000);
});
