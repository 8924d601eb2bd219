import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorOf,
  startBusiness,
  type BusinessHarness,
  type BusinessJson,
  type Person,
} from './harness.js';

describe('reading businesses', () => {
  let h: BusinessHarness;
  let admin: Person;
  let customer: Person;
  let owner: Person;
  let stranger: Person;
  let pending: BusinessJson;
  let active: BusinessJson;

  beforeAll(async () => {
    h = await startBusiness();
    admin = await h.person('ADMIN');
    customer = await h.person('CUSTOMER');
    owner = await h.person('VENDOR');
    stranger = await h.person('VENDOR');
    pending = await h.createBusiness(owner);
    active = await h.createBusiness(stranger, {}, { verifiedBy: admin });
  });
  afterAll(async () => {
    await h.close();
  });

  describe('GET /api/businesses/:id', () => {
    it('shows an ACTIVE business to anonymous visitors, and a 404 for one that is not ACTIVE', async () => {
      const visible = await h.call('GET', `/api/businesses/${active.id}`);
      expect(visible.statusCode).toBe(200);
      expect(visible.json<{ data: BusinessJson }>().data).toEqual(active);
      const hidden = await h.call('GET', `/api/businesses/${pending.id}`);
      expect(hidden.statusCode).toBe(404);
      expect(errorOf(hidden).code).toBe('NOT_FOUND');
    });

    it('shows an ACTIVE business to every signed-in user', async () => {
      for (const who of [admin, customer, owner, stranger]) {
        const response = await h.call('GET', `/api/businesses/${active.id}`, who);
        expect(response.statusCode, who.role).toBe(200);
        expect(response.json<{ data: BusinessJson }>().data).toEqual(active);
      }
    });

    it('shows a business that is not ACTIVE to its owner and admins, and is a 404 to others', async () => {
      for (const who of [owner, admin]) {
        const response = await h.call('GET', `/api/businesses/${pending.id}`, who);
        expect(response.statusCode, who.role).toBe(200);
        expect(response.json<{ data: BusinessJson }>().data.status).toBe('PENDING');
      }
      for (const who of [stranger, customer]) {
        const response = await h.call('GET', `/api/businesses/${pending.id}`, who);
        expect(response.statusCode, who.role).toBe(404);
        expect(errorOf(response).code).toBe('NOT_FOUND');
      }
    });

    it('answers 404 for an unknown id, 400 for a malformed one, 401 for a bad token', async () => {
      const unknown = await h.call('GET', `/api/businesses/${crypto.randomUUID()}`, customer);
      expect(unknown.statusCode).toBe(404);
      expect(errorOf(unknown).code).toBe('NOT_FOUND');
      const malformed = await h.call('GET', '/api/businesses/not-a-uuid', customer);
      expect(malformed.statusCode).toBe(400);
      expect(errorOf(malformed).code).toBe('VALIDATION_ERROR');
      const badToken = await h.call('GET', `/api/businesses/${active.id}`, 'not-a-token');
      expect(badToken.statusCode).toBe(401);
      expect(errorOf(badToken).code).toBe('UNAUTHENTICATED');
    });
  });

  describe('GET /api/businesses/me', () => {
    it('gives a vendor its own business, whatever its status', async () => {
      const response = await h.call('GET', '/api/businesses/me', owner);
      expect(response.statusCode).toBe(200);
      expect(response.json<{ data: BusinessJson }>().data).toEqual(pending);
    });

    it('is a 404 for a vendor without a business and a 403 for other roles', async () => {
      const newcomer = await h.person('VENDOR');
      const none = await h.call('GET', '/api/businesses/me', newcomer);
      expect(none.statusCode).toBe(404);
      expect(errorOf(none).code).toBe('NOT_FOUND');
      for (const who of [customer, admin]) {
        const response = await h.call('GET', '/api/businesses/me', who);
        expect(response.statusCode, who.role).toBe(403);
        expect(errorOf(response).code).toBe('FORBIDDEN');
      }
      expect((await h.call('GET', '/api/businesses/me')).statusCode).toBe(401);
    });
  });
});
