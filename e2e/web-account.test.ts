import { createHash } from 'node:crypto';
import { waitFor, type CapturedMail } from '@slotwise/testkit';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, data, errorCode } from './client.js';
import { startPlatform, type Platform } from './platform.js';
import {
  captureScreens,
  ensureWebBuilt,
  expectAccessible,
  hasChromium,
  launchChromium,
  openPage,
} from './web-browser.js';

const PASSWORD = 'a long enough password';
/** Where mails link to: the notification service's PUBLIC_URL, its default in the platform. */
const PUBLIC_URL = 'http://localhost:3000';
/** The statuses these tests provoke on purpose (wrong codes and passwords, a taken email). */
const PROVOKED = ['400', '401', '403', '409'];

interface User {
  id: string;
  status: string;
  role: string;
  isEmailVerified: boolean;
  twoFactorEnabled: boolean;
  firstName: string | null;
}

const codeIn = (mail: CapturedMail): string => /\b(\d{6})\b/.exec(mail.text)?.[1] ?? '';

/** The links a reader of the mail can click, besides its footer's link to the home page. */
function linksIn(mail: CapturedMail): string[] {
  return [...mail.html.matchAll(/href="([^"]*)"/g)]
    .map((match) => match[1]!.replaceAll('&amp;', '&'))
    .filter((href) => href !== PUBLIC_URL);
}

interface StoredSession {
  user: User;
  accessToken: string;
  refreshToken: string;
}

/** The refresh token's row as the auth service stores it (by its hash, as it is kept). */
interface RefreshRow {
  id: string;
  replaced_by_id: string | null;
  revoked_at: Date | null;
}

describe.skipIf(!hasChromium)('the account pages of the web app, in Chromium', () => {
  let platform: Platform;
  let api: ApiClient;
  let base: string;
  let browser: Browser;

  beforeAll(async () => {
    await ensureWebBuilt();
    platform = await startPlatform();
    api = new ApiClient(platform);
    base = await platform.gateway.listen({ port: 0, host: '127.0.0.1' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** The account as the API holds it, asked with the given session's access token. */
  const me = async (accessToken: string): Promise<User> => {
    const response = await api.call('GET', '/api/auth/me', undefined, accessToken);
    expect(response.statusCode, response.body).toBe(200);
    return data<User>(response);
  };

  const refreshRow = async (refreshToken: string): Promise<RefreshRow | undefined> => {
    const hash = createHash('sha256').update(refreshToken).digest('base64url');
    const { rows } = await platform.services.auth!.container.pool.query<RefreshRow>(
      'SELECT id, replaced_by_id, revoked_at FROM refresh_tokens WHERE token_hash = $1',
      [hash],
    );
    return rows[0];
  };

  /** The session this tab holds (localStorage), or null when signed out. */
  const stored = async (page: Page): Promise<StoredSession | null> => {
    const text = await page.evaluate<string | null>("localStorage.getItem('slotwise.session')");
    return text ? (JSON.parse(text) as StoredSession) : null;
  };

  /** Puts a session in this tab's storage, as if the app had; read again on the next page load. */
  const store = (page: Page, session: StoredSession): Promise<unknown> =>
    page.evaluate(
      `localStorage.setItem('slotwise.session', ${JSON.stringify(JSON.stringify(session))})`,
    );

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 1, name }).waitFor();

  /** Fills and sends the sign-in form of the page already open. */
  async function signIn(page: Page, identifier: string, password = PASSWORD): Promise<void> {
    await heading(page, 'Sign in');
    await page.getByLabel('Email or username').fill(identifier);
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  }

  it('a visitor signs up, sees each refusal next to its field, verifies with the emailed code and is signed in; signs out', async () => {
    await api.signUp('taken@example.com');
    const { context, page, problems } = await openPage(browser, {
      allowedConsoleErrors: PROVOKED,
    });
    const email = 'mika+web@example.com';

    await page.goto(`${base}/sign-up`);
    await heading(page, 'Sign up');
    await expectAccessible(page, 'sign up');
    await captureScreens(page, 'sign-up');

    // Too short a password: the API's 400 names the field, and the page says it there.
    await page.getByLabel('I want to book').check();
    await page.getByLabel('Email').fill('taken@example.com');
    await page.getByLabel('Username').fill('mika');
    await page.getByLabel('Password').fill('short');
    await page.getByLabel('First name (optional)').fill('Mika');
    await page.getByRole('button', { name: 'Create account' }).click();
    const passwordError = page.locator('#sign-up-password-error');
    await passwordError.waitFor();
    expect(await page.getByLabel('Password').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByLabel('Password').getAttribute('aria-describedby')).toContain(
      'sign-up-password-error',
    );

    // A taken email: the 409 EMAIL_TAKEN goes next to the email, the password's error is gone.
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect
      .poll(() => page.locator('#sign-up-email-error').textContent())
      .toBe('An account with that email exists');
    expect(await passwordError.count()).toBe(0);
    await expectAccessible(page, 'sign up with errors');

    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Create account' }).click();
    await heading(page, 'Verify your email');
    expect(new URL(page.url()).searchParams.get('email')).toBe(email);
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await expectAccessible(page, 'verify email');
    const pending = data<User[]>(
      await api.call(
        'GET',
        `/api/auth/users?search=${encodeURIComponent(email)}`,
        undefined,
        (await api.admin()).accessToken,
      ),
    );
    expect(pending).toEqual([
      expect.objectContaining({ status: 'PENDING_VERIFICATION', isEmailVerified: false }),
    ]);

    // A wrong code is refused next to the code; a new one is sent, and the first no longer works.
    const first = codeIn(await platform.smtp.waitFor(email, { subject: /verification code/ }));
    await page.getByLabel('Verification code').fill(first === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await page.locator('#verify-code-error').waitFor();
    await page.getByRole('button', { name: 'Resend code' }).click();
    await page.getByRole('status').filter({ hasText: 'a new code is on its way' }).waitFor();
    const second = codeIn(
      await platform.smtp.waitFor(email, { subject: /verification code/, count: 2 }),
    );
    await page.getByLabel('Verification code').fill(second);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();

    // Verified is signed in: a customer goes on to find a business.
    await heading(page, 'Find a business');
    await page.getByRole('button', { name: 'Sign out (mika)' }).waitFor();
    const session = (await stored(page))!;
    expect(await me(session.accessToken)).toMatchObject({
      status: 'ACTIVE',
      isEmailVerified: true,
      role: 'CUSTOMER',
      firstName: 'Mika',
    });

    // Signing out ends the session on the server too: its refresh token is dead.
    await page.goto(`${base}/account`);
    await heading(page, 'Your account');
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await heading(page, 'Find a business');
    await page.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await stored(page)).toBeNull();
    expect((await refreshRow(session.refreshToken))?.revoked_at).toBeInstanceOf(Date);
    const refreshed = await api.call('POST', '/api/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    expect(refreshed.statusCode).toBe(401);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('a business owner who signs up lands on their business once verified', async () => {
    const { context, page, problems } = await openPage(browser, { phone: true });
    const email = 'hana@example.com';

    await page.goto(`${base}/sign-up?next=%2Fbookings`);
    await heading(page, 'Sign up');
    await page.getByLabel('I run a business').check();
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Username').fill('hana');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await heading(page, 'Verify your email');
    const mail = await platform.smtp.waitFor(email, { subject: /verification code/ });
    await page.getByLabel('Verification code').fill(codeIn(mail));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();

    await heading(page, 'My business');
    expect(new URL(page.url()).pathname).toBe('/vendor');
    expect(await me((await stored(page))!.accessToken)).toMatchObject({
      role: 'VENDOR',
      status: 'ACTIVE',
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('forgot the password: a code by email, a new password, every session ended, signs in with the new one', async () => {
    const email = 'ren@example.com';
    const before = await api.signUp(email);
    const { context, page, problems } = await openPage(browser, {
      allowedConsoleErrors: PROVOKED,
    });

    await page.goto(`${base}/sign-in`);
    await heading(page, 'Sign in');
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await heading(page, 'Forgot your password?');
    await expectAccessible(page, 'forgot password');
    await page.getByLabel('Email').fill(email);
    await page.getByRole('button', { name: 'Email me a code' }).click();

    await heading(page, 'Reset your password');
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    await expectAccessible(page, 'reset password');
    const mail = await platform.smtp.waitFor(email, { subject: /password reset code/ });
    await page.getByLabel('Reset code').fill(codeIn(mail));
    await page.getByLabel('New password').fill('short');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.locator('#reset-new-password-error').waitFor();
    await page.getByLabel('New password').fill('a brand new password');
    await page.getByRole('button', { name: 'Set new password' }).click();

    // Told to sign in with the new password, the address already filled in.
    await heading(page, 'Sign in');
    await page.getByRole('status').filter({ hasText: 'Sign in with the new one' }).waitFor();
    expect(await page.getByLabel('Email or username').inputValue()).toBe(email);
    await expectAccessible(page, 'sign in after reset');
    // The session from before the reset is over.
    expect((await refreshRow(before.refreshToken))?.revoked_at).toBeInstanceOf(Date);

    await signIn(page, email, PASSWORD);
    await page
      .getByRole('alert')
      .filter({ hasText: 'Wrong email, username or password' })
      .waitFor();
    await signIn(page, email, 'a brand new password');
    await heading(page, 'Find a business');
    expect(await me((await stored(page))!.accessToken)).toMatchObject({ status: 'ACTIVE' });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('turns two-step sign-in on in the account, then signs in with the emailed code', async () => {
    const email = 'sora@example.com';
    await api.signUp(email);
    const { context, page, problems } = await openPage(browser, {
      allowedConsoleErrors: PROVOKED,
    });

    await page.goto(`${base}/sign-in?next=%2Faccount`);
    await signIn(page, email);
    await heading(page, 'Your account');
    await page.getByText(email, { exact: true }).waitFor();
    await expectAccessible(page, 'account');
    await captureScreens(page, 'account');
    const session = (await stored(page))!;

    // The profile is saved; the tab's session knows the new name.
    await page.getByLabel('First name').fill('Sora');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByRole('status').filter({ hasText: 'Your profile is saved.' }).waitFor();
    expect(await me(session.accessToken)).toMatchObject({ firstName: 'Sora' });
    expect((await stored(page))!.user.firstName).toBe('Sora');

    // A wrong current password is said next to it, and is no reason to renew the session.
    await page.getByLabel('Current password').fill('not my password');
    await page.getByLabel('New password').fill('another long password');
    await page.getByRole('button', { name: 'Change password' }).click();
    await expect
      .poll(() => page.locator('#password-current-error').textContent())
      .toBe('The current password is wrong');
    expect((await stored(page))!.refreshToken).toBe(session.refreshToken);

    await page.getByLabel('Your password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Turn on two-step sign-in' }).click();
    await page.getByRole('status').filter({ hasText: 'Two-step sign-in is now on' }).waitFor();
    await page.getByRole('button', { name: 'Turn off two-step sign-in' }).waitFor();
    expect(await me(session.accessToken)).toMatchObject({ twoFactorEnabled: true });

    // Signed out, the next sign-in asks for the code emailed for it.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await heading(page, 'Find a business');
    await page.goto(`${base}/sign-in?next=%2Faccount`);
    await signIn(page, email);
    await page.getByRole('heading', { level: 2, name: 'Enter your sign-in code' }).waitFor();
    await expectAccessible(page, 'two-step sign-in');
    const mail = await platform.smtp.waitFor(email, { subject: /sign-in code/ });
    const code = codeIn(mail);
    await page
      .getByLabel('Sign-in code', { exact: true })
      .fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Verify and sign in' }).click();
    await page.locator('#two-factor-code-error').waitFor();
    await page.getByLabel('Sign-in code', { exact: true }).fill(code);
    await page.getByRole('button', { name: 'Verify and sign in' }).click();

    await heading(page, 'Your account');
    await page.getByText('Two-step sign-in is').filter({ hasText: 'on' }).waitFor();
    expect(await me((await stored(page))!.accessToken)).toMatchObject({
      twoFactorEnabled: true,
      status: 'ACTIVE',
    });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('renews a refused access token once for all the calls that met it, and retries them', async () => {
    const admin = await api.admin();
    const owner = await api.signUp('kaito@example.com', 'VENDOR');
    const created = await api.call(
      'POST',
      '/api/businesses',
      { name: 'Kaito Desks', type: 'CO_WORKING', timezone: 'Asia/Tokyo' },
      owner.accessToken,
    );
    expect(created.statusCode, created.body).toBe(201);
    const businessId = data<{ id: string }>(created).id;
    await api.call('PATCH', `/api/businesses/${businessId}/verify`, undefined, admin.accessToken);
    await api.signUp('yui@example.com');
    const { context, page, problems } = await openPage(browser, {
      allowedConsoleErrors: PROVOKED,
    });

    await page.goto(`${base}/sign-in?next=${encodeURIComponent(`/businesses/${businessId}`)}`);
    await signIn(page, 'yui@example.com');
    await heading(page, 'Kaito Desks');
    const before = (await stored(page))!;

    // The access token this tab holds stops working (expired, revoked: the API refuses it).
    await store(page, { ...before, accessToken: 'no-longer-a-valid-token' });
    const refreshes: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/auth/refresh') refreshes.push(request.url());
    });
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 401) refused.push(new URL(response.url()).pathname);
    });
    await page.goto(`${base}/businesses/${businessId}`);

    // The page loads all it asks for as if nothing happened.
    await heading(page, 'Kaito Desks');
    await page.getByText('Nothing can be booked here yet.').waitFor();
    await expect.poll(() => page.getByText(/^Loading/).count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    // Several calls were refused at once; one refresh served them all.
    expect(refused.length).toBeGreaterThan(1);
    expect(refreshes).toHaveLength(1);

    const after = (await stored(page))!;
    expect(after.accessToken).not.toBe('no-longer-a-valid-token');
    expect(after.refreshToken).not.toBe(before.refreshToken);
    // The API rotated the session: the old refresh token was replaced by the tab's new one.
    const [old, current] = await Promise.all([
      refreshRow(before.refreshToken),
      refreshRow(after.refreshToken),
    ]);
    expect(old?.replaced_by_id).toBe(current?.id);
    expect(current).toMatchObject({ replaced_by_id: null, revoked_at: null });
    expect(await me(after.accessToken)).toMatchObject({ status: 'ACTIVE' });
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('sends a tab whose session is over to sign in, and back to its page afterwards', async () => {
    const email = 'aoi@example.com';
    await api.signUp(email);
    const { context, page, problems } = await openPage(browser, {
      allowedConsoleErrors: PROVOKED,
    });
    await page.goto(`${base}/sign-in?next=%2Faccount`);
    await signIn(page, email);
    await heading(page, 'Your account');
    const session = (await stored(page))!;

    // Signed out everywhere from another device: both tokens of this tab are dead.
    const everywhere = await api.call(
      'POST',
      '/api/auth/logout-all',
      undefined,
      session.accessToken,
    );
    expect(everywhere.statusCode).toBe(204);
    await store(page, { ...session, accessToken: 'no-longer-a-valid-token' });
    await page.goto(`${base}/account`);

    await heading(page, 'Sign in');
    await page.getByRole('status').filter({ hasText: 'Your session has ended' }).waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe('/account');
    expect(await stored(page)).toBeNull();
    const refused = await api.call('POST', '/api/auth/refresh', {
      refreshToken: session.refreshToken,
    });
    expect(errorCode(refused)).toBe('INVALID_REFRESH_TOKEN');

    await signIn(page, email);
    await heading(page, 'Your account');
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('shares one session between the browser’s tabs: a new tab is signed in, two tabs renew once between them, signing out in one ends both', async () => {
    const email = 'hinata@example.com';
    await api.signUp(email);
    const { context, page, problems } = await openPage(browser, {
      allowedConsoleErrors: PROVOKED,
    });
    await page.goto(`${base}/sign-in?next=%2Faccount`);
    await signIn(page, email);
    await heading(page, 'Your account');

    // A link opened in another tab (from an email, say) is signed in there too.
    const link = await context.newPage();
    await link.goto(`${base}/account`);
    await heading(link, 'Your account');
    await link.close();

    // Two tabs opened at the same moment meet a refused access token: one renewal serves both
    // (a second with the same refresh token would end the session as a stolen token's reuse).
    const before = (await stored(page))!;
    await store(page, { ...before, accessToken: 'no-longer-a-valid-token' });
    const refreshes: string[] = [];
    context.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/auth/refresh') refreshes.push(request.url());
    });
    const tabs = await Promise.all([context.newPage(), context.newPage()]);
    for (const tab of tabs) tab.on('pageerror', (error) => problems.push(error.message));
    await Promise.all(tabs.map((tab) => tab.goto(`${base}/account`)));
    for (const tab of tabs) {
      await heading(tab, 'Your account');
      await expect.poll(() => tab.getByText(/^Loading/).count()).toBe(0);
      expect(await tab.getByRole('alert').count()).toBe(0);
    }
    expect(refreshes).toHaveLength(1);
    const after = (await stored(page))!;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(await me(after.accessToken)).toMatchObject({ status: 'ACTIVE' });

    // Signing out in one tab signs the others out at once.
    await tabs[0].getByRole('button', { name: /^Sign out \(/ }).click();
    for (const tab of [tabs[1], page]) {
      await tab
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Sign in', exact: true })
        .waitFor();
    }
    expect(await stored(page)).toBeNull();
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  /** A mail's links, each checked to point at the app. */
  const linksOf = (mail: CapturedMail): URL[] => {
    const links = linksIn(mail).map((href) => new URL(href));
    expect(links.length, mail.subject).toBeGreaterThan(0);
    for (const link of links) expect(link.origin, mail.subject).toBe(PUBLIC_URL);
    return links;
  };
  /** Opens a mail's link in the tab, on this platform's gateway rather than PUBLIC_URL. */
  const visit = (page: Page, link: URL) => page.goto(`${base}${link.pathname}${link.search}`);

  it('opens the link of a code’s mail on the page the code is entered on, for its address', async () => {
    const { context, page, problems } = await openPage(browser);
    const email = 'nao+codes@example.com';

    await api.signUp(email);
    const [verify] = linksOf(await platform.smtp.waitFor(email, { subject: /verification/ }));
    expect(verify!.pathname).toBe('/verify-email');
    expect(verify!.searchParams.get('email')).toBe(email);
    await visit(page, verify!);
    await heading(page, 'Verify your email');
    expect(await page.getByLabel('Email').inputValue()).toBe(email);

    await api.call('POST', '/api/auth/forgot-password', { email });
    const [reset] = linksOf(await platform.smtp.waitFor(email, { subject: /password reset/ }));
    expect(reset!.pathname).toBe('/reset-password');
    expect(reset!.searchParams.get('email')).toBe(email);
    await visit(page, reset!);
    await heading(page, 'Reset your password');
    expect(await page.getByLabel('Email').inputValue()).toBe(email);
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);

  it('opens every link of the welcome, business and booking mails on the page it names', async () => {
    const { context, page, problems } = await openPage(browser);

    // The welcome sends the new user to sign in.
    const email = 'nao@example.com';
    const customer = await api.signUp(email);
    const [welcome] = linksOf(await platform.smtp.waitFor(email, { subject: /^Welcome/ }));
    expect(welcome!.pathname).toBe('/sign-in');
    await visit(page, welcome!);
    await heading(page, 'Sign in');

    // A business in Tokyo, paid in advance: verified, then booked.
    const vendorEmail = 'riku@example.com';
    const vendor = await api.signUp(vendorEmail, 'VENDOR');
    const admin = await api.admin();
    const created = await api.call(
      'POST',
      '/api/businesses',
      { name: 'Riku Salon', type: 'SALON', timezone: 'Asia/Tokyo', paymentMode: 'PREPAY' },
      vendor.accessToken,
    );
    const businessId = data<{ id: string }>(created).id;
    await api.call('PATCH', `/api/businesses/${businessId}/verify`, undefined, admin.accessToken);
    const [dashboard] = linksOf(
      await platform.smtp.waitFor(vendorEmail, { subject: /is verified and live/ }),
    );
    expect(dashboard!.pathname).toBe('/vendor');

    const resourceId = await waitFor(
      async () => {
        const response = await api.call(
          'POST',
          '/api/resources',
          { name: 'Chair 7', type: 'SALON_CHAIR', price: '30.00', currency: 'JPY' },
          vendor.accessToken,
        );
        // The resource service caches the business's status for a few seconds.
        if (response.statusCode !== 201) throw new Error(`not yet: ${response.body}`);
        return data<{ id: string }>(response).id;
      },
      { timeoutMs: 15_000, intervalMs: 300 },
    );
    // 20:00 UTC is the next morning in Tokyo: the vendor's day is Tokyo's, not UTC's.
    const start = new Date(Date.now() + 3 * 24 * 3_600_000);
    start.setUTCHours(20, 0, 0, 0);
    const booked = await api.call(
      'POST',
      '/api/bookings',
      {
        resourceId,
        startTime: start.toISOString(),
        endTime: new Date(start.getTime() + 3_600_000).toISOString(),
      },
      customer.accessToken,
    );
    expect(booked.statusCode, booked.body).toBe(201);
    const bookingId = data<{ id: string }>(booked).id;
    const tokyoDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Tokyo' }).format(start);

    const [vendorDay] = linksOf(
      await platform.smtp.waitFor(vendorEmail, { subject: /^New booking request/ }),
    );
    expect(`${vendorDay!.pathname}${vendorDay!.search}`).toBe(
      `/vendor/bookings?view=day&date=${tokyoDay}`,
    );
    const customerLinks = [
      ...linksOf(await platform.smtp.waitFor(email, { subject: /^Booking request received/ })),
      ...linksOf(await platform.smtp.waitFor(email, { subject: /^Complete your payment/ })),
    ].filter((link) => !link.pathname.startsWith('/api/'));
    expect(customerLinks.map((link) => link.pathname)).toEqual([
      `/bookings/${bookingId}`,
      `/bookings/${bookingId}`,
    ]);

    // Opened signed out (a mail opens a new tab), each page asks to sign in and comes back.
    await visit(page, customerLinks[0]!);
    await heading(page, 'Booking');
    await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
    await signIn(page, email);
    await heading(page, 'Chair 7 at Riku Salon');
    expect(new URL(page.url()).pathname).toBe(`/bookings/${bookingId}`);
    await page.getByRole('button', { name: /^Sign out/ }).click();

    await visit(page, dashboard!);
    await heading(page, 'My business');
    await page.goto(
      `${base}/sign-in?next=${encodeURIComponent(`${vendorDay!.pathname}${vendorDay!.search}`)}`,
    );
    await signIn(page, vendorEmail);
    await heading(page, 'Bookings');
    expect(new URL(page.url()).searchParams.get('date')).toBe(tokyoDay);
    await page.getByText('Chair 7').first().waitFor();
    await visit(page, dashboard!);
    await heading(page, 'My business');
    await page.getByText('Riku Salon').first().waitFor();
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
