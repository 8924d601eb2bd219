import { waitFor } from '@slotwise/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, data, errorCode, type Session } from './client.js';
import { startPlatform, type Platform } from './platform.js';

interface Business {
  id: string;
  status: string;
  isVerified: boolean;
  ownerId: string;
}
interface Resource {
  id: string;
  name: string;
  price: string;
  status: string;
  businessId: string;
}

describe('the marketplace end to end: vendors, businesses, resources, tenants', () => {
  let platform: Platform;
  let api: ApiClient;
  let admin: Session;
  let vendor: Session;
  let otherVendor: Session;
  let customer: Session;
  let business: Business;
  let otherBusiness: Business;
  let category: { id: string };
  let resources: Resource[];

  beforeAll(async () => {
    platform = await startPlatform();
    api = new ApiClient(platform);
    [admin, vendor, otherVendor, customer] = await Promise.all([
      api.admin(),
      api.signUp('vendor-a@example.com', 'VENDOR'),
      api.signUp('vendor-b@example.com', 'VENDOR'),
      api.signUp('customer@example.com'),
    ]);
  });
  afterAll(async () => {
    await platform.close();
  });

  it('a vendor creates a business; an admin verifies it; the vendor is told by email', async () => {
    const created = await api.call(
      'POST',
      '/api/businesses',
      { name: 'Seaside Hotel', type: 'HOTEL', timezone: 'Europe/Lisbon' },
      vendor.accessToken,
    );
    expect(created.statusCode).toBe(201);
    business = data<Business>(created);
    expect(business).toMatchObject({
      status: 'PENDING',
      isVerified: false,
      ownerId: vendor.user.id,
    });
    expect(
      (
        await api.call(
          'POST',
          '/api/businesses',
          { name: 'Second', type: 'HOTEL' },
          vendor.accessToken,
        )
      ).statusCode,
    ).toBe(409);

    // Not listed to customers until verified.
    expect(
      (await api.call('GET', `/api/businesses/${business.id}`, undefined, customer.accessToken))
        .statusCode,
    ).toBe(404);
    expect(
      (
        await api.call(
          'PATCH',
          `/api/businesses/${business.id}/verify`,
          undefined,
          vendor.accessToken,
        )
      ).statusCode,
    ).toBe(403);
    const verified = await api.call(
      'PATCH',
      `/api/businesses/${business.id}/verify`,
      undefined,
      admin.accessToken,
    );
    expect(verified.statusCode).toBe(200);
    expect(data<Business>(verified)).toMatchObject({ status: 'ACTIVE', isVerified: true });
    // By subject: auth's welcome and business's mail may arrive in either order.
    const mail = await platform.smtp.waitFor('vendor-a@example.com', { subject: /verified/i });
    expect(mail.subject).toMatch(/is verified and live/);

    otherBusiness = data<Business>(
      await api.call(
        'POST',
        '/api/businesses',
        { name: 'Other Clinic', type: 'CLINIC' },
        otherVendor.accessToken,
      ),
    );
  });

  it('the vendor adds categories and resources, one and in bulk; prices round-trip exactly', async () => {
    const made = await api.call(
      'POST',
      '/api/resources/categories',
      { name: 'Suites' },
      vendor.accessToken,
    );
    expect(made.statusCode).toBe(201);
    category = data<{ id: string }>(made);
    expect(
      errorCode(
        await api.call('POST', '/api/resources/categories', { name: 'SUITES' }, vendor.accessToken),
      ),
    ).toBe('CATEGORY_EXISTS');

    // The business service's "yes" is cached up to 10 s: wait until it says ACTIVE.
    const one = await waitFor(
      async () => {
        const response = await api.call(
          'POST',
          '/api/resources',
          {
            name: 'Ocean Suite',
            type: 'HOTEL_ROOM',
            categoryId: category.id,
            price: '199.99',
            currency: 'EUR',
            priceUnit: 'PER_NIGHT',
            metadata: { beds: 2, view: 'sea' },
          },
          vendor.accessToken,
        );
        expect(response.statusCode, response.body).toBe(201);
        return data<Resource>(response);
      },
      { timeoutMs: 15_000, intervalMs: 500 },
    );
    expect(one).toMatchObject({ price: '199.99', businessId: business.id });
    const bulk = await api.call(
      'POST',
      '/api/resources/bulk',
      {
        resources: [
          {
            name: 'Garden Room',
            type: 'HOTEL_ROOM',
            price: '89.10',
            currency: 'EUR',
            priceUnit: 'PER_NIGHT',
          },
          {
            name: 'Meeting Desk',
            type: 'DESK',
            price: '15.00',
            currency: 'EUR',
            priceUnit: 'PER_HOUR',
          },
        ],
      },
      vendor.accessToken,
    );
    expect(bulk.statusCode).toBe(201);
    resources = [one, ...data<Resource[]>(bulk)];
    expect(resources.map((r) => r.price)).toEqual(['199.99', '89.10', '15.00']);
  });

  it('a customer lists and filters them; a pending business’s resources cannot be created', async () => {
    const all = await api.call(
      'GET',
      `/api/resources?businessId=${business.id}`,
      undefined,
      customer.accessToken,
    );
    expect(data<Resource[]>(all)).toHaveLength(3);
    const rooms = await api.call(
      'GET',
      `/api/resources?businessId=${business.id}&type=HOTEL_ROOM&minPrice=100.00&sort=-price`,
      undefined,
      customer.accessToken,
    );
    expect(data<Resource[]>(rooms).map((r) => r.name)).toEqual(['Ocean Suite']);
    const search = await api.call(
      'GET',
      `/api/resources?search=garden`,
      undefined,
      customer.accessToken,
    );
    expect(data<Resource[]>(search).map((r) => r.name)).toEqual(['Garden Room']);

    const pending = await api.call(
      'POST',
      '/api/resources',
      { name: 'X', type: 'OTHER', price: '1.00', currency: 'USD' },
      otherVendor.accessToken,
    );
    expect(pending.statusCode).toBe(422);
    expect(errorCode(pending)).toBe('BUSINESS_NOT_ACTIVE');
  });

  it('refuses every cross-tenant attempt', async () => {
    const [resource] = resources;
    const b = otherVendor.accessToken;
    const attempts: [string, number, Promise<{ statusCode: number }>][] = [
      [
        'read B’s pending business as A',
        404,
        api.call('GET', `/api/businesses/${otherBusiness.id}`, undefined, vendor.accessToken),
      ],
      [
        'update A’s business as B',
        403,
        api.call('PATCH', `/api/businesses/${business.id}`, { name: 'Mine' }, b),
      ],
      [
        'delete A’s business as B',
        403,
        api.call('DELETE', `/api/businesses/${business.id}`, undefined, b),
      ],
      [
        'update A’s resource as B',
        403,
        api.call('PATCH', `/api/resources/${resource!.id}`, { price: '0.01' }, b),
      ],
      [
        'delete A’s resource as B',
        403,
        api.call('DELETE', `/api/resources/${resource!.id}`, undefined, b),
      ],
      [
        'rename A’s category as B',
        403,
        api.call('PATCH', `/api/resources/categories/${category.id}`, { name: 'Mine' }, b),
      ],
      [
        'read A’s stats as B',
        403,
        api.call('GET', `/api/resources/stats?businessId=${business.id}`, undefined, b),
      ],
      [
        'create under A’s business id',
        400,
        api.call(
          'POST',
          '/api/resources',
          { businessId: business.id, name: 'X', type: 'OTHER', price: '1.00', currency: 'USD' },
          b,
        ),
      ],
      [
        'customer creates a business',
        403,
        api.call('POST', '/api/businesses', { name: 'Nope', type: 'OTHER' }, customer.accessToken),
      ],
      [
        'customer creates a resource',
        403,
        api.call(
          'POST',
          '/api/resources',
          { name: 'X', type: 'OTHER', price: '1.00', currency: 'USD' },
          customer.accessToken,
        ),
      ],
      [
        'customer creates a category',
        403,
        api.call('POST', '/api/resources/categories', { name: 'X' }, customer.accessToken),
      ],
      [
        'vendor sets ownerId',
        400,
        api.call(
          'PATCH',
          `/api/businesses/${business.id}`,
          { ownerId: otherVendor.user.id },
          vendor.accessToken,
        ),
      ],
      [
        'vendor sets isVerified',
        400,
        api.call('PATCH', `/api/businesses/${otherBusiness.id}`, { isVerified: true }, b),
      ],
    ];
    for (const [what, status, response] of attempts) {
      expect((await response).statusCode, what).toBe(status);
    }
    const stats = await api.call(
      'GET',
      `/api/resources/stats?businessId=${business.id}`,
      undefined,
      vendor.accessToken,
    );
    expect(data<{ total: number }>(stats).total).toBe(3);
  });

  it('suspending a business hides its resources from customers at once, and reactivating brings them back', async () => {
    expect(
      (
        await api.call(
          'PATCH',
          `/api/businesses/${business.id}/status`,
          { status: 'SUSPENDED' },
          admin.accessToken,
        )
      ).statusCode,
    ).toBe(200);
    await waitFor(async () => {
      const listed = await api.call(
        'GET',
        `/api/resources?businessId=${business.id}`,
        undefined,
        customer.accessToken,
      );
      expect(data<Resource[]>(listed)).toHaveLength(0);
    });
    expect(
      (await api.call('GET', `/api/resources/${resources[0]!.id}`, undefined, customer.accessToken))
        .statusCode,
    ).toBe(404);
    expect(
      (await platform.smtp.waitFor('vendor-a@example.com', { subject: /suspend/i })).subject,
    ).toMatch(/has been suspended/);
    expect(
      (
        await api.call(
          'PATCH',
          `/api/businesses/${business.id}/status`,
          { status: 'ACTIVE' },
          admin.accessToken,
        )
      ).statusCode,
    ).toBe(200);
    await waitFor(async () => {
      const listed = await api.call(
        'GET',
        `/api/resources?businessId=${business.id}`,
        undefined,
        customer.accessToken,
      );
      expect(data<Resource[]>(listed)).toHaveLength(3);
    });
  });
});
