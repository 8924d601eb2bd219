import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, data, errorCode, type Session } from './client.js';
import { ADMIN, startPlatform, type Platform } from './platform.js';
import {
  captureScreens,
  ensureWebBuilt,
  expectAccessible,
  hasChromium,
  launchChromium,
  openPage,
} from './web-browser.js';

interface Business {
  id: string;
  status: string;
  isVerified: boolean;
}

describe.skipIf(!hasChromium)('the admin area, in Chromium', () => {
  let platform: Platform;
  let api: ApiClient;
  let base: string;
  let browser: Browser;
  let admin: Session;
  let vendor: Session;
  let customer: Session;
  let sakura: Business;
  let harbour: Business;

  /** A vendor's business, as created: PENDING, waiting for an admin. */
  const createBusiness = async (owner: Session, name: string): Promise<Business> => {
    const created = await api.call(
      'POST',
      '/api/businesses',
      { name, type: 'HOTEL', timezone: 'Asia/Tokyo', address: '1-2-3 Gion, Kyoto' },
      owner.accessToken,
    );
    expect(created.statusCode, created.body).toBe(201);
    return data<Business>(created);
  };
  const businessNow = async (id: string): Promise<Business> =>
    data<Business>(await api.call('GET', `/api/businesses/${id}`, undefined, admin.accessToken));
  const userStatus = async (id: string): Promise<string> =>
    data<{ status: string }>(
      await api.call('GET', `/api/auth/users/${id}`, undefined, admin.accessToken),
    ).status;

  /** The card of the list that is headed `name`. */
  const row = (page: Page, name: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });

  beforeAll(async () => {
    await ensureWebBuilt();
    platform = await startPlatform();
    api = new ApiClient(platform);
    base = await platform.gateway.listen({ port: 0, host: '127.0.0.1' });
    admin = await api.admin();
    vendor = await api.signUp('sakura@example.com', 'VENDOR');
    const otherVendor = await api.signUp('harbour@example.com', 'VENDOR');
    customer = await api.signUp('yuki@example.com');
    sakura = await createBusiness(vendor, 'Sakura Inn');
    harbour = await createBusiness(otherVendor, 'Harbour Clinic');
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it('an admin verifies a waiting business, suspends a customer (whose token then stops working) and restores them; refusals show by their row', async () => {
    // Restoring an unverified business is refused (409) on purpose below; Chromium logs it.
    const { context, page, problems } = await openPage(browser, { allowedConsoleErrors: ['409'] });

    await page.goto(`${base}/sign-in?next=${encodeURIComponent('/admin')}`);
    await page.getByLabel('Email or username').fill(ADMIN.email);
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page
      .getByRole('heading', { level: 1, name: 'Businesses waiting for verification' })
      .waitFor();

    // The queue: both new businesses wait; Sakura Inn is verified.
    await row(page, 'Sakura Inn').waitFor();
    await row(page, 'Harbour Clinic').waitFor();
    expect(
      await page.getByRole('link', { name: 'Verification' }).getAttribute('aria-current'),
    ).toBe('page');
    await expectAccessible(page, 'admin queue');
    await captureScreens(page, 'admin-queue');
    await page.getByRole('button', { name: 'Verify Sakura Inn' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: 'Sakura Inn is verified and active.' })
      .waitFor();
    await expect.poll(() => row(page, 'Sakura Inn').count()).toBe(0);
    expect(await businessNow(sakura.id)).toMatchObject({ status: 'ACTIVE', isVerified: true });

    // Suspending asks first, then leaves the business SUSPENDED (and out of the queue).
    await page.getByRole('button', { name: 'Suspend Harbour Clinic' }).click();
    await expectAccessible(page, 'admin queue, confirming a suspension');
    await page.getByRole('button', { name: 'Yes, suspend Harbour Clinic' }).click();
    await page.getByRole('status').filter({ hasText: 'Harbour Clinic is suspended.' }).waitFor();
    expect(await businessNow(harbour.id)).toMatchObject({ status: 'SUSPENDED', isVerified: false });
    await expect.poll(() => row(page, 'Harbour Clinic').count()).toBe(0);
    await page.getByText('No business is waiting.').waitFor();

    // All businesses, filtered by status: restoring one never verified is refused, by its row.
    await page.getByRole('link', { name: 'Businesses', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'All businesses' }).waitFor();
    await page.getByLabel('Status').selectOption('SUSPENDED');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('heading', { name: 'Businesses (1)' }).waitFor();
    expect(page.url()).toBe(`${base}/admin/businesses?status=SUSPENDED`);
    await page.getByRole('button', { name: 'Restore Harbour Clinic' }).click();
    const refusal = row(page, 'Harbour Clinic').getByRole('alert');
    await refusal.waitFor();
    expect(await refusal.textContent()).toMatch(/^Could not restore: .*verify it first/);
    expect((await businessNow(harbour.id)).status).toBe('SUSPENDED');
    await expectAccessible(page, 'admin businesses, with a refusal');

    // Users: find the customer, suspend them.
    await page.getByRole('link', { name: 'Users', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();
    await page.getByLabel('Role').selectOption('CUSTOMER');
    await page.getByLabel('Name, email or username').fill('yuki');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('heading', { name: 'Users (1)' }).waitFor();
    expect(page.url()).toBe(`${base}/admin/users?role=CUSTOMER&search=yuki`);
    await expectAccessible(page, 'admin users');
    await captureScreens(page, 'admin-users');
    await page.getByRole('button', { name: 'Suspend yuki' }).click();
    await page.getByRole('button', { name: 'Yes, suspend yuki' }).click();
    await page.getByRole('status').filter({ hasText: 'yuki is suspended.' }).waitFor();
    expect(await row(page, 'yuki').textContent()).toContain('Suspended');
    expect(await userStatus(customer.user.id)).toBe('SUSPENDED');
    // Their access token is refused through the gateway once the revocation feed has it.
    await expect
      .poll(
        async () =>
          (await api.call('GET', '/api/bookings', undefined, customer.accessToken)).statusCode,
      )
      .toBe(401);

    // Restored: ACTIVE again and able to sign in (the old token stays dead).
    await page.getByRole('button', { name: 'Restore yuki' }).click();
    await page.getByRole('status').filter({ hasText: 'yuki is active again.' }).waitFor();
    expect(await userStatus(customer.user.id)).toBe('ACTIVE');
    const again = await api.call('POST', '/api/auth/login', {
      identifier: 'yuki@example.com',
      password: 'a long enough password',
    });
    expect(again.statusCode, again.body).toBe(200);

    // Their own account offers the admin nothing to suspend.
    await page.getByLabel('Role').selectOption('ADMIN');
    await page.getByLabel('Name, email or username').fill('');
    await page.getByRole('button', { name: 'Filter' }).click();
    await page.getByRole('heading', { name: 'Users (1)' }).waitFor();
    expect(await page.getByText('This is you.').count()).toBe(1);
    expect(await page.getByRole('button', { name: /^Suspend/ }).count()).toBe(0);

    expect(problems).toEqual([]);
    await context.close();
  }, 180_000);

  it('tells a vendor or a customer that the admin pages are not theirs, and the API refuses them too', async () => {
    const other = await api.signUp('kenji@example.com');
    for (const person of [vendor, other]) {
      const { context, page, problems } = await openPage(browser);
      // Signed in as this person: the app keeps its session in this tab's storage.
      await page.addInitScript(
        `localStorage.setItem('slotwise.session', ${JSON.stringify(JSON.stringify(person))})`,
      );
      for (const [path, title] of [
        ['/admin', 'Businesses waiting for verification'],
        ['/admin/users', 'Users'],
      ] as const) {
        await page.goto(`${base}${path}`);
        await page.getByRole('heading', { level: 1, name: title }).waitFor();
        const alert = page.getByRole('alert');
        await alert.waitFor();
        expect(await alert.textContent()).toContain('not allowed');
        expect(await page.getByRole('navigation', { name: 'Administration' }).count()).toBe(0);
        expect(await page.getByRole('link', { name: 'Admin', exact: true }).count()).toBe(0);
      }
      await expectAccessible(page, `/admin as a ${person.user.role}`);
      expect(problems).toEqual([]);
      await context.close();

      for (const [method, url, body] of [
        ['GET', '/api/businesses?status=PENDING', undefined],
        ['GET', '/api/auth/users', undefined],
        ['PATCH', `/api/businesses/${harbour.id}/verify`, {}],
        ['PATCH', `/api/auth/users/${customer.user.id}/status`, { status: 'SUSPENDED' }],
      ] as const) {
        const refused = await api.call(method, url, body, person.accessToken);
        expect(refused.statusCode, `${person.user.role} ${method} ${url}`).toBe(403);
        expect(errorCode(refused)).toBe('FORBIDDEN');
      }
    }
    expect(await userStatus(customer.user.id)).toBe('ACTIVE');
    expect((await businessNow(harbour.id)).status).toBe('SUSPENDED');

    // Signed out, the page asks to sign in first.
    const { context, page } = await openPage(browser);
    await page.goto(`${base}/admin`);
    await page.getByRole('link', { name: 'Sign in' }).first().waitFor();
    expect(
      await page.getByRole('main').getByRole('link', { name: 'Sign in' }).getAttribute('href'),
    ).toBe('/sign-in?next=%2Fadmin');
    await context.close();
  }, 120_000);
});
