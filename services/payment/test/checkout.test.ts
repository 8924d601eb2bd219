import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkoutPathOf,
  errorOf,
  startPayment,
  type PaymentHarness,
  type Person,
} from './harness.js';

describe('the simulated checkout page', () => {
  let h: PaymentHarness;
  let customer: Person;
  let vendor: Person;

  const form = (path: string, body: string) =>
    h.app.inject({
      method: 'POST',
      url: path,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: body,
    });

  beforeAll(async () => {
    h = await startPayment({ env: { SIMULATED_DECLINE_ABOVE: '500.00' } });
    customer = await h.person('CUSTOMER');
    vendor = await h.person('VENDOR');
  });
  afterAll(async () => {
    await h.close();
  });

  it('shows the amount, business and booking with Pay and Decline, to anyone with the link', async () => {
    const payment = await h.createPayment(customer, vendor, { amount: '120.50', currency: 'EUR' });
    const page = await h.app.inject({ method: 'GET', url: checkoutPathOf(payment) });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('120.50 EUR');
    expect(page.body).toContain('Hotel Test');
    expect(page.body).toContain(payment.bookingId);
    expect(page.body).toContain('data-state="open"');
    expect(page.body).toMatch(
      /<form method="post" action="\/api\/payments\/checkout\/sim_cs_[^"]+"/,
    );
    expect(page.body).toContain(
      '<button type="submit" name="action" value="pay" class="pay">Pay 120.50 EUR</button>',
    );
    expect(page.body).toContain('value="decline"');
    expect(page.body).toContain('role="status"');
    expect(page.body).toContain('aria-labelledby="title"');
    // No script, no external asset: a strict policy with the one inline style's nonce.
    expect(page.body).not.toMatch(/<script|src=|href=/i);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toMatch(
      /^default-src 'none'; style-src 'nonce-[A-Za-z0-9+/=]+'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'$/,
    );
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    expect(page.body).toContain(`<style nonce="${nonce}">`);
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
  });

  it('escapes what it shows', async () => {
    const payment = await h.createPayment(customer, vendor, {
      businessName: '<script>alert(1)</script> & "Co"',
      description: '<img src=x onerror=alert(1)>',
    });
    const page = await h.app.inject({ method: 'GET', url: checkoutPathOf(payment) });
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;');
    expect(page.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(page.body).not.toContain('<script>');
  });

  it('Pay: a form post, 303 back to the page, which then says paid; the payment is SUCCEEDED', async () => {
    const payment = await h.createPayment(customer, vendor);
    const path = checkoutPathOf(payment);
    const posted = await form(path, 'action=pay');
    expect(posted.statusCode).toBe(303);
    expect(posted.headers.location).toBe(path);
    const page = await h.app.inject({ method: 'GET', url: path });
    expect(page.body).toContain('data-state="paid"');
    expect(page.body).not.toContain('<form');
    expect(await h.read(payment, customer)).toMatchObject({ status: 'SUCCEEDED' });
    // The outcome came through the webhook path: the event id is recorded like a provider's.
    const { rows } = await h.container.pool.query(
      'SELECT provider, type FROM provider_events WHERE payment_id = $1',
      [payment.id],
    );
    expect(rows).toEqual([{ provider: 'simulated', type: 'checkout.succeeded' }]);
  });

  it('Pay twice (a double click, a reload): one charge, one success', async () => {
    const payment = await h.createPayment(customer, vendor);
    const path = checkoutPathOf(payment);
    const results = await Promise.all([form(path, 'action=pay'), form(path, 'action=pay')]);
    expect(results.map((r) => r.statusCode)).toEqual([303, 303]);
    expect((await h.ledger(payment.id)).filter((l) => l.operation === 'CHARGE')).toHaveLength(1);
    expect((await h.events(payment.id)).map((e) => e.type)).toEqual([
      'payment.created',
      'payment.succeeded',
    ]);
  });

  it('Decline: FAILED; the page says declined and offers no button', async () => {
    const payment = await h.createPayment(customer, vendor);
    const path = checkoutPathOf(payment);
    expect((await form(path, 'action=decline')).statusCode).toBe(303);
    expect(await h.read(payment, customer)).toMatchObject({
      status: 'FAILED',
      failureReason: 'DECLINED',
    });
    const page = await h.app.inject({ method: 'GET', url: path });
    expect(page.body).toContain('data-state="failed"');
    expect(page.body).not.toContain('<form');
    // Paying afterwards changes nothing.
    await form(path, 'action=pay');
    expect((await h.read(payment, customer)).status).toBe('FAILED');
  });

  it('declines above SIMULATED_DECLINE_ABOVE even when Pay is pressed', async () => {
    const payment = await h.createPayment(customer, vendor, { amount: '500.01' });
    await form(checkoutPathOf(payment), 'action=pay');
    const after = await h.read(payment, customer);
    expect(after).toMatchObject({ status: 'FAILED', failureReason: 'DECLINED' });
    expect(after.attempts.at(-1)?.error).toBe(
      'Declined: the amount is above 500.00 (SIMULATED_DECLINE_ABOVE)',
    );
    expect((await h.ledger(payment.id)).filter((l) => l.operation === 'CHARGE')).toHaveLength(0);
    const atLimit = await h.createPayment(customer, vendor, { amount: '500.00' });
    expect((await h.simulate(atLimit, customer)).status).toBe('SUCCEEDED');
  });

  it('takes JSON from scripts too', async () => {
    const payment = await h.createPayment(customer, vendor);
    const posted = await h.app.inject({
      method: 'POST',
      url: checkoutPathOf(payment),
      payload: { action: 'pay' },
    });
    expect(posted.statusCode).toBe(303);
    expect((await h.read(payment, customer)).status).toBe('SUCCEEDED');
  });

  it('is a 404 page for a session that does not exist, and 400 for a bad action', async () => {
    for (const path of [
      '/api/payments/checkout/sim_cs_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
      '/api/payments/checkout/nope',
      "/api/payments/checkout/'%3Cscript%3E",
    ]) {
      const page = await h.app.inject({ method: 'GET', url: path });
      expect(page.statusCode, path).toBe(404);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain('Checkout not found');
      expect((await form(path, 'action=pay')).statusCode, path).toBe(404);
    }
    const payment = await h.createPayment(customer, vendor);
    const path = checkoutPathOf(payment);
    for (const body of ['action=steal', 'action=pay&amount=0.01', '']) {
      const response = await form(path, body);
      expect(response.statusCode, body).toBe(400);
      expect(errorOf(response).code).toBe('VALIDATION_ERROR');
    }
    const long = await h.app.inject({
      method: 'GET',
      url: `/api/payments/checkout/${'a'.repeat(200)}`,
    });
    expect(long.statusCode).toBe(400);
    expect((await h.read(payment, customer)).status).toBe('PENDING');
  });
});
