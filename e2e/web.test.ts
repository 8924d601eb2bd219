import { readFile, writeFile } from 'node:fs/promises';
import { waitFor } from '@slotwise/testkit';
import type { Browser } from 'playwright-core';
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

describe('the web app, through the gateway', () => {
  let platform: Platform;
  let api: ApiClient;
  let customer: Session;
  let base: string;

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
    await waitFor(
      async () => {
        const response = await api.call(
          'POST',
          '/api/resources',
          {
            name: 'Tatami Room',
            type: 'HOTEL_ROOM',
            price: '90.00',
            currency: 'JPY',
            priceUnit: 'PER_HOUR',
            bookingRules: { slotMinutes: 60 },
          },
          vendor.accessToken,
        );
        // The resource service caches the business's status for a few seconds.
        if (response.statusCode !== 201) throw new Error(`not yet: ${response.body}`);
      },
      { timeoutMs: 15_000, intervalMs: 500 },
    );
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

      // The business: what can be booked and the opening hours.
      await page.getByRole('link', { name: 'Sakura Inn' }).click();
      await page.getByRole('heading', { level: 1, name: 'Sakura Inn' }).waitFor();
      await page.getByRole('link', { name: 'Tatami Room' }).waitFor();
      await expect
        .poll(() => page.getByRole('row', { name: /Monday/ }).textContent())
        .toContain('09:00–18:00');
      await expectAccessible(page, 'business');

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

      // My bookings, then cancel it.
      await page.getByRole('link', { name: 'See my bookings' }).click();
      await page.getByRole('heading', { level: 1, name: 'My bookings' }).waitFor();
      await page.getByRole('heading', { name: 'Tatami Room at Sakura Inn' }).waitFor();
      await expectAccessible(page, 'my bookings');
      await captureScreens(page, 'my-bookings');
      await page.getByRole('button', { name: 'Cancel booking' }).click();
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
    }, 60_000);
  });
});
