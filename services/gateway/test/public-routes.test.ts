import { describe, expect, it } from 'vitest';
import { isPublicRoute } from '../src/access/public-routes.js';

describe('payment callbacks at the gateway', () => {
  it('lets the checkout page and the providers’ webhooks through without a token', () => {
    expect(isPublicRoute('GET', '/api/payments/checkout/sim_cs_abc')).toBe(true);
    expect(isPublicRoute('HEAD', '/api/payments/checkout/sim_cs_abc')).toBe(true);
    expect(isPublicRoute('POST', '/api/payments/checkout/sim_cs_abc')).toBe(true);
    expect(isPublicRoute('POST', '/api/payments/webhooks/stripe')).toBe(true);
  });

  it('keeps every other payment route behind a token', () => {
    for (const [method, path] of [
      ['GET', '/api/payments'],
      ['GET', '/api/payments/0b0f3f57-8d3c-4a8e-9f57-2b0b6f1b2c3d'],
      ['POST', '/api/payments/0b0f3f57-8d3c-4a8e-9f57-2b0b6f1b2c3d/refund'],
      ['POST', '/api/payments/0b0f3f57-8d3c-4a8e-9f57-2b0b6f1b2c3d/simulate'],
      ['GET', '/api/payments/webhooks/stripe'],
      ['DELETE', '/api/payments/checkout/sim_cs_abc'],
      ['POST', '/api/payments/checkout/sim_cs_abc/extra'],
      ['POST', '/api/payments/webhooks'],
    ] as const) {
      expect(isPublicRoute(method, path), `${method} ${path}`).toBe(false);
    }
  });
});
